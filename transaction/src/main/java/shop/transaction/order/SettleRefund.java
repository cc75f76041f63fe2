package shop.transaction.order;

import java.time.Clock;
import java.util.Optional;
import shop.platform.domain.UnavailableException;

/**
 * Asks the provider for a PENDING refund and records its answer: SUCCEEDED (RefundIssued), or
 * FAILED when it refused. When the provider could not be asked the refund stays PENDING and the
 * failure goes up: asking again (the same request, or receiving again) sends the same provider
 * idempotency key, so the money moves at most once.
 */
final class SettleRefund {
  private final OrderUpdates updates;
  private final PaymentRefunds payments;
  private final Clock clock;

  SettleRefund(OrderRepository orders, PaymentRefunds payments, Clock clock) {
    this.updates = new OrderUpdates(orders);
    this.payments = payments;
    this.clock = clock;
  }

  /** Settles {@code refundId} of {@code order}; returns the order after. */
  Order settle(Order order, String refundId) {
    Refund refund = order.fulfilment().refund(refundId).orElseThrow();
    if (refund.status() != RefundStatus.PENDING) {
      return order;
    }
    try {
      payments.refundPart(order, refund);
    } catch (UnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      updates.apply(
          order.id(),
          null,
          o -> Optional.ofNullable(OrderRefunds.fail(o, refundId, clock.instant())));
      throw e;
    }
    return updates
        .apply(
            order.id(),
            null,
            o -> Optional.ofNullable(OrderRefunds.complete(o, refundId, clock.instant())))
        .map(Changed::after)
        .orElse(order);
  }
}
