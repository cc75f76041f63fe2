package shop.transaction.payment;

import java.time.Clock;
import java.util.Optional;
import shop.transaction.order.CancelReason;
import shop.transaction.order.Changed;
import shop.transaction.order.Consumers;
import shop.transaction.order.HandledMessage;
import shop.transaction.order.Order;
import shop.transaction.order.OrderRepository;
import shop.transaction.order.OrderStatus;
import shop.transaction.order.OrderUpdates;

/**
 * Stripe's webhooks: payments that finished later (after 3-D Secure, or asynchronously), and
 * refunds made outside this service. Each Stripe event is applied once; a notice the order's status
 * does not allow is a no-op, so order of arrival does not matter.
 */
public final class ApplyPaymentNotice {
  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final PaymentNotices notices;
  private final RefundPayment refunds;
  private final Clock clock;

  public ApplyPaymentNotice(
      OrderRepository orders, PaymentNotices notices, RefundPayment refunds, Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.notices = notices;
    this.refunds = refunds;
    this.clock = clock;
  }

  /** Verifies and applies one webhook; throws {@link InvalidPaymentNotice} when not authentic. */
  public void apply(String payload, String signature) {
    PaymentNotice notice = notices.read(payload, signature);
    HandledMessage message = new HandledMessage(Consumers.STRIPE_WEBHOOKS, notice.eventId());
    String orderId =
        switch (notice) {
          case PaymentNotice.Succeeded s -> s.orderId();
          case PaymentNotice.Failed f -> f.orderId();
          case PaymentNotice.Refunded r -> r.orderId();
          case PaymentNotice.Ignored i -> null;
        };
    if (orderId == null || orders.find(orderId).isEmpty()) {
      orders.markHandled(message);
      return;
    }
    updates.apply(orderId, message, order -> decide(order, notice));
  }

  private Optional<Changed> decide(Order order, PaymentNotice notice) {
    boolean awaitingPayment =
        order.status() == OrderStatus.RESERVED
            || order.status() == OrderStatus.PAYMENT_ACTION_REQUIRED;
    return switch (notice) {
      case PaymentNotice.Succeeded s when awaitingPayment ->
          Optional.of(order.capture(s.paymentIntentId(), clock.instant()));
      case PaymentNotice.Succeeded s when order.status() == OrderStatus.CANCELLED -> {
        // Paid after it was cancelled (expired while the customer authenticated): give it back.
        refunds.refund(order, s.paymentIntentId());
        yield Optional.empty();
      }
      case PaymentNotice.Failed f when awaitingPayment ->
          Optional.of(
              order.failPayment(f.paymentIntentId(), f.reason(), f.declineCode(), clock.instant()));
      case PaymentNotice.Refunded r when order.status() == OrderStatus.PAID ->
          Optional.of(
              order.refund(CancelReason.CUSTOMER_REQUEST, r.amountRefunded(), clock.instant()));
      default -> Optional.empty();
    };
  }
}
