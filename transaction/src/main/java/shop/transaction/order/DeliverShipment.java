package shop.transaction.order;

import java.time.Clock;
import java.util.Optional;
import shop.platform.domain.NotFoundException;

/**
 * A parcel arrived (staff say so, or the carrier's webhook): the order is DELIVERED once every
 * parcel arrived. Saying it twice changes nothing.
 */
public final class DeliverShipment {
  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final Clock clock;

  public DeliverShipment(OrderRepository orders, Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.clock = clock;
  }

  /** Delivers {@code shipmentId}, recording {@code handled} (null for staff) in the same step. */
  public Order deliver(String shipmentId, HandledMessage handled) {
    String orderId =
        orders
            .orderOfShipment(shipmentId)
            .orElseThrow(() -> NotFoundException.of("shipment " + shipmentId));
    return updates
        .apply(
            orderId,
            handled,
            order -> Optional.ofNullable(OrderShipping.deliver(order, shipmentId, clock.instant())))
        .map(Changed::after)
        .orElseGet(() -> orders.find(orderId).orElseThrow());
  }
}
