package shop.transaction.order;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import shop.platform.domain.NotFoundException;

/**
 * The approved return's parcel arrived: ReturnReceived (product restocks it), then its lines are
 * refunded at the prices paid through the provider (RefundIssued). Receiving again re-drives a
 * refund the provider could not be asked for.
 */
public final class ReceiveReturn {
  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final SettleRefund settle;
  private final Clock clock;

  public ReceiveReturn(OrderRepository orders, PaymentRefunds payments, Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.settle = new SettleRefund(orders, payments, clock);
    this.clock = clock;
  }

  public OrderReturn receive(String returnId) {
    String orderId =
        orders
            .orderOfReturn(returnId)
            .orElseThrow(() -> NotFoundException.of("return " + returnId));
    String refundId = UUID.randomUUID().toString();
    Order order =
        updates
            .apply(
                orderId,
                null,
                o -> {
                  OrderReturn r = o.fulfilment().orderReturn(returnId).orElseThrow();
                  return r.status() == ReturnStatus.RECEIVED
                      ? Optional.empty()
                      : Optional.of(OrderReturns.receive(o, returnId, refundId, clock.instant()));
                })
            .map(Changed::after)
            .orElseGet(() -> orders.find(orderId).orElseThrow());
    OrderReturn received = order.fulfilment().orderReturn(returnId).orElseThrow();
    if (received.refundId() != null) {
      order = settle.settle(order, received.refundId());
    }
    return order.fulfilment().orderReturn(returnId).orElseThrow();
  }
}
