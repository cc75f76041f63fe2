package shop.transaction.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

/** The order's parcels: shipping what remains, in one or more parcels, and their delivery. */
final class OrderShipping {
  private OrderShipping() {}

  /**
   * Ships {@code lines} (empty: everything not shipped yet) in one parcel: PARTIALLY_SHIPPED, or
   * SHIPPED when nothing remains. Only a paid order ships, and never more than it holds.
   */
  static Changed ship(
      Order order,
      String shipmentId,
      String carrier,
      String trackingNumber,
      String trackingUrl,
      List<ProductQuantity> lines,
      Instant at) {
    if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_SHIPPED) {
      throw new IllegalTransition(order.id(), order.status(), "ship");
    }
    Fulfilment f = order.fulfilment();
    List<ProductQuantity> parcel = lines.isEmpty() ? remaining(order) : lines;
    for (int i = 0; i < parcel.size(); i++) {
      ProductQuantity line = parcel.get(i);
      int left =
          ordered(order, line.productId(), "lines[" + i + "].productId")
              - f.shipped(line.productId());
      if (line.quantity() > left) {
        throw new ConflictException(
            "only " + left + " of " + line.productId() + " remain to be shipped");
      }
    }
    Shipment shipment =
        new Shipment(shipmentId, carrier, trackingNumber, trackingUrl, parcel, at, null);
    Fulfilment withParcel = f.with(shipment);
    boolean complete =
        order.lines().stream().allMatch(l -> withParcel.shipped(l.productId()) >= l.quantity());
    Order after =
        order.next(
            complete ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED, withParcel, at, "ship");
    return new Changed(
        order,
        after,
        List.of(new OrderEvent.Shipped(after.version(), at, after.status(), shipment, complete)));
  }

  /**
   * The carrier delivered {@code shipmentId}: once every parcel of a SHIPPED order arrived, the
   * order is DELIVERED. Null when that parcel was delivered before (a repeated notice).
   */
  static Changed deliver(Order order, String shipmentId, Instant at) {
    Shipment shipment =
        order
            .fulfilment()
            .shipment(shipmentId)
            .orElseThrow(() -> NotFoundException.of("shipment " + shipmentId));
    if (shipment.delivered()) {
      return null;
    }
    Fulfilment f = order.fulfilment().with(shipment.deliver(at));
    if (order.status() == OrderStatus.SHIPPED
        && f.shipments().stream().allMatch(Shipment::delivered)) {
      Order after = order.next(OrderStatus.DELIVERED, f, at, "be delivered");
      return new Changed(
          order, after, List.of(new OrderEvent.Delivered(after.version(), at, after.status())));
    }
    Order next = order.next(order.status(), f, at, "be delivered");
    return new Changed(
        order,
        next,
        List.of(new OrderEvent.ShipmentDelivered(next.version(), at, next.status(), shipmentId)));
  }

  /** What the order holds that no parcel took yet, in line order. */
  static List<ProductQuantity> remaining(Order order) {
    List<ProductQuantity> left = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      int n = line.quantity() - order.fulfilment().shipped(line.productId());
      if (n > 0) {
        left.add(new ProductQuantity(line.productId(), n));
      }
    }
    return left;
  }

  /** How many of {@code productId} the order holds; a product it does not hold is bad input. */
  static int ordered(Order order, String productId, String field) {
    return order.lines().stream()
        .filter(l -> l.productId().equals(productId))
        .mapToInt(OrderLine::quantity)
        .findFirst()
        .orElseThrow(() -> new InvalidFieldException(field, "is not in order " + order.id()));
  }
}
