package shop.transaction.order;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Staff ship an order, all that remains or some lines of it, in one parcel with tracking. */
public final class ShipOrder {
  private final OrderUpdates updates;
  private final Clock clock;

  public ShipOrder(OrderRepository orders, Clock clock) {
    this.updates = new OrderUpdates(orders);
    this.clock = clock;
  }

  public Shipment ship(ShipOrderCommand command) {
    String shipmentId = UUID.randomUUID().toString();
    Changed shipped =
        updates
            .apply(
                command.orderId(),
                null,
                order ->
                    Optional.of(
                        OrderShipping.ship(
                            order,
                            shipmentId,
                            command.carrier(),
                            command.trackingNumber(),
                            command.trackingUrl(),
                            command.lines(),
                            clock.instant())))
            .orElseThrow();
    return shipped.after().fulfilment().shipment(shipmentId).orElseThrow();
  }
}
