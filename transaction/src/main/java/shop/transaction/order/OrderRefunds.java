package shop.transaction.order;

import java.time.Instant;
import java.util.List;
import shop.platform.domain.ConflictException;
import shop.platform.domain.NotFoundException;

/**
 * Refunds in part, in two steps around the provider's call: the amount is set aside first (so that
 * concurrent refunds, each deciding on its own version of the order, cannot pass what was
 * captured), then confirmed or freed again.
 */
final class OrderRefunds {
  private OrderRefunds() {}

  /** Sets {@code amount} aside as a PENDING refund; never more than may still be refunded. */
  static Changed start(
      Order order, String refundId, String idempotencyKey, long amount, String reason, Instant at) {
    if (!OrderStatus.FULFILLING.contains(order.status())) {
      throw new IllegalTransition(order.id(), order.status(), "be refunded");
    }
    long refundable = order.fulfilment().refundable();
    if (amount > refundable) {
      throw new ConflictException(
          "only "
              + refundable
              + " "
              + order.total().currency()
              + " minor units of order "
              + order.id()
              + " may still be refunded");
    }
    Refund refund =
        new Refund(
            refundId, idempotencyKey, amount, reason, List.of(), RefundStatus.PENDING, at, at);
    Order after = order.next(order.status(), order.fulfilment().with(refund), at, "be refunded");
    return new Changed(
        order,
        after,
        List.of(new OrderEvent.RefundStarted(after.version(), at, after.status(), refund)));
  }

  /**
   * The provider refunded: SUCCEEDED, and the order REFUNDED once everything captured went back.
   * Null when it was settled before.
   */
  static Changed complete(Order order, String refundId, Instant at) {
    Refund pending = pending(order, refundId);
    if (pending == null) {
      return null;
    }
    Refund done = pending.moveTo(RefundStatus.SUCCEEDED, at);
    Fulfilment f = order.fulfilment().with(done).refunded(done.amount());
    OrderStatus target =
        f.refundedAmount() == f.capturedAmount() ? OrderStatus.REFUNDED : order.status();
    Order after = order.next(target, f, at, "be refunded");
    return new Changed(
        order,
        after,
        List.of(new OrderEvent.RefundIssued(after.version(), at, after.status(), done)));
  }

  /** The provider refused: FAILED, its amount free again. Null when it was settled before. */
  static Changed fail(Order order, String refundId, Instant at) {
    Refund pending = pending(order, refundId);
    if (pending == null) {
      return null;
    }
    Refund failed = pending.moveTo(RefundStatus.FAILED, at);
    Order after = order.next(order.status(), order.fulfilment().with(failed), at, "fail a refund");
    return new Changed(
        order,
        after,
        List.of(new OrderEvent.RefundFailed(after.version(), at, after.status(), failed)));
  }

  private static Refund pending(Order order, String refundId) {
    Refund refund =
        order
            .fulfilment()
            .refund(refundId)
            .orElseThrow(() -> NotFoundException.of("refund " + refundId));
    return refund.status() == RefundStatus.PENDING ? refund : null;
  }
}
