package shop.transaction.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import shop.platform.domain.ConflictException;
import shop.platform.domain.NotFoundException;

/**
 * Returns of delivered lines: the customer asks within the return window, staff approve or reject,
 * and receiving the parcel sets its refund aside.
 */
final class OrderReturns {
  private static final java.util.Set<OrderStatus> RETURNABLE =
      java.util.EnumSet.of(
          OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

  private OrderReturns() {}

  /**
   * The customer asks to send {@code lines} back: only delivered units not asked back before, and
   * only within {@code window} of the last delivery.
   */
  static Changed request(
      Order order,
      String returnId,
      List<ProductQuantity> lines,
      String reason,
      Duration window,
      Instant at) {
    if (!RETURNABLE.contains(order.status())) {
      throw new IllegalTransition(order.id(), order.status(), "take a return");
    }
    Fulfilment f = order.fulfilment();
    Instant lastDelivery =
        f.shipments().stream()
            .map(Shipment::deliveredAt)
            .filter(d -> d != null)
            .max(Instant::compareTo)
            .orElseThrow(() -> new IllegalTransition(order.id(), order.status(), "take a return"));
    if (at.isAfter(lastDelivery.plus(window))) {
      throw new ConflictException(
          "the return window of order " + order.id() + " closed " + lastDelivery.plus(window));
    }
    for (int i = 0; i < lines.size(); i++) {
      ProductQuantity line = lines.get(i);
      OrderShipping.ordered(order, line.productId(), "lines[" + i + "].productId");
      int left = f.delivered(line.productId()) - f.returned(line.productId());
      if (line.quantity() > left) {
        throw new ConflictException(
            "only " + left + " of " + line.productId() + " were delivered and not returned");
      }
    }
    OrderReturn asked =
        new OrderReturn(returnId, ReturnStatus.REQUESTED, lines, reason, null, null, at, at);
    Order after = order.next(order.status(), f.with(asked), at, "take a return");
    return new Changed(
        order,
        after,
        List.of(new OrderEvent.ReturnRequested(after.version(), at, after.status(), asked)));
  }

  /** Staff accept (decision null) or reject (with the reason) a requested return. */
  static Changed decide(
      Order order, String returnId, boolean approve, String decision, Instant at) {
    OrderReturn asked = find(order, returnId, ReturnStatus.REQUESTED, "be decided");
    OrderReturn decided =
        asked.moveTo(approve ? ReturnStatus.APPROVED : ReturnStatus.REJECTED, decision, null, at);
    Order after =
        order.next(order.status(), order.fulfilment().with(decided), at, "decide a return");
    return new Changed(
        order,
        after,
        List.of(new OrderEvent.ReturnDecided(after.version(), at, after.status(), decided)));
  }

  /**
   * The approved return's parcel arrived: RECEIVED, and its lines' worth (at the prices paid, up to
   * what may still be refunded) set aside as a PENDING refund {@code refundId}.
   */
  static Changed receive(Order order, String returnId, String refundId, Instant at) {
    OrderReturn approved = find(order, returnId, ReturnStatus.APPROVED, "be received");
    long worth = 0;
    for (ProductQuantity line : approved.lines()) {
      long unitPrice =
          order.lines().stream()
              .filter(l -> l.productId().equals(line.productId()))
              .findFirst()
              .orElseThrow()
              .unitPrice();
      worth = Math.addExact(worth, Math.multiplyExact(unitPrice, (long) line.quantity()));
    }
    long amount = Math.min(worth, order.fulfilment().refundable());
    OrderReturn received =
        approved.moveTo(
            ReturnStatus.RECEIVED, approved.decision(), amount > 0 ? refundId : null, at);
    Order afterReceipt =
        order.next(order.status(), order.fulfilment().with(received), at, "receive a return");
    List<OrderEvent> events = new ArrayList<>();
    events.add(
        new OrderEvent.ReturnReceived(afterReceipt.version(), at, afterReceipt.status(), received));
    if (amount == 0) {
      return new Changed(order, afterReceipt, events);
    }
    Refund refund =
        new Refund(
            refundId, null, amount, Refund.RETURN, received.lines(), RefundStatus.PENDING, at, at);
    Order after =
        afterReceipt.next(
            afterReceipt.status(), afterReceipt.fulfilment().with(refund), at, "refund");
    events.add(new OrderEvent.RefundStarted(after.version(), at, after.status(), refund));
    return new Changed(order, after, events);
  }

  private static OrderReturn find(
      Order order, String returnId, ReturnStatus expected, String action) {
    OrderReturn found =
        order
            .fulfilment()
            .orderReturn(returnId)
            .orElseThrow(() -> NotFoundException.of("return " + returnId));
    if (found.status() != expected) {
      throw new ConflictException(
          "return " + returnId + " is " + found.status() + " and cannot " + action);
    }
    return found;
  }
}
