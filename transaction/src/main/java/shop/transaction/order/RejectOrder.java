package shop.transaction.order;

import java.time.Clock;
import java.util.Optional;

/** Product could not reserve the order's stock: the PENDING order is cancelled. */
public final class RejectOrder {
  private final OrderUpdates updates;
  private final Clock clock;

  public RejectOrder(OrderRepository orders, Clock clock) {
    this.updates = new OrderUpdates(orders);
    this.clock = clock;
  }

  /** Handles the InventoryRejected with CloudEvent id {@code eventId}, once. */
  public void reject(String eventId, String orderId) {
    updates.apply(
        orderId,
        new HandledMessage(Consumers.PAYMENTS, eventId),
        order ->
            order.status() == OrderStatus.PENDING
                ? Optional.of(order.cancel(CancelReason.INVENTORY_REJECTED, clock.instant()))
                : Optional.empty());
  }
}
