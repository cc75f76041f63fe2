package shop.transaction.payment;

import java.lang.System.Logger.Level;
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
 *
 * <p>A good signature proves only that the event came from someone holding the signing secret.
 * Before any change the payment is read back from the provider and must be the order's (its
 * recorded payment, its metadata, its total) and in the state the event claims; anything else is a
 * security event: logged, recorded as handled (so a resent copy is not looked at again) and
 * answered like any other event, so the provider does not retry it forever and a forger learns
 * nothing.
 */
public final class ApplyPaymentNotice {
  private static final System.Logger LOG = System.getLogger(ApplyPaymentNotice.class.getName());

  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final PaymentNotices notices;
  private final PaymentGateway gateway;
  private final RefundPayment refunds;
  private final Clock clock;

  public ApplyPaymentNotice(
      OrderRepository orders,
      PaymentNotices notices,
      PaymentGateway gateway,
      RefundPayment refunds,
      Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.notices = notices;
    this.gateway = gateway;
    this.refunds = refunds;
    this.clock = clock;
  }

  /** Verifies and applies one webhook; throws {@link InvalidPaymentNotice} when not authentic. */
  public void apply(String payload, String signature) {
    PaymentNotice notice = notices.read(payload, signature);
    HandledMessage message = new HandledMessage(Consumers.STRIPE_WEBHOOKS, notice.eventId());
    String orderId = notice.orderId();
    if (orderId == null || notice.paymentIntentId() == null || orders.find(orderId).isEmpty()) {
      orders.markHandled(message);
      return;
    }
    Optional<ProviderPayment> payment = gateway.payment(notice.paymentIntentId());
    updates.apply(
        orderId,
        message,
        order ->
            payment
                .map(p -> decide(order, notice, p))
                .orElseGet(() -> refuse(notice, "the provider knows no such payment")));
  }

  private Optional<Changed> decide(Order order, PaymentNotice notice, ProviderPayment payment) {
    Optional<String> mismatch = payment.mismatchWith(order);
    if (mismatch.isPresent()) {
      return refuse(notice, mismatch.get());
    }
    boolean awaitingPayment = OrderStatus.UNPAID.contains(order.status());
    return switch (notice) {
      case PaymentNotice.Succeeded s when payment.status() != ProviderPayment.Status.SUCCEEDED ->
          refuse(notice, "the payment is " + payment.status());
      case PaymentNotice.Succeeded s when awaitingPayment ->
          Optional.of(order.capture(payment.id(), clock.instant()));
      case PaymentNotice.Succeeded s when order.status() == OrderStatus.CANCELLED -> {
        // Paid after it was cancelled (expired while the customer authenticated): give it back.
        refunds.refund(order, payment.id());
        yield Optional.empty();
      }
      case PaymentNotice.Failed f when payment.status() == ProviderPayment.Status.SUCCEEDED ->
          refuse(notice, "the payment succeeded");
      // Stripe reports the off-session attempt that needs 3-D Secure as a failure too: it is what
      // made the order wait for the customer, who may still authenticate the same payment.
      case PaymentNotice.Failed f
          when order.status() == OrderStatus.PAYMENT_ACTION_REQUIRED
              && payment.awaitsAuthentication() ->
          Optional.empty();
      case PaymentNotice.Failed f when awaitingPayment ->
          Optional.of(
              order.failPayment(payment.id(), f.reason(), f.declineCode(), clock.instant()));
      case PaymentNotice.Refunded r when payment.amountRefunded() <= 0 ->
          refuse(notice, "nothing of the payment was refunded");
      // Only a full refund from outside (the dashboard) ends the order: our own partial refunds
      // are told by webhook too, and are already recorded.
      case PaymentNotice.Refunded r
          when order.status() == OrderStatus.PAID
              && payment.amountRefunded() >= order.total().amount() ->
          Optional.of(
              order.refund(
                  CancelReason.CUSTOMER_REQUEST, payment.amountRefunded(), clock.instant()));
      default -> Optional.empty();
    };
  }

  private static Optional<Changed> refuse(PaymentNotice notice, String why) {
    LOG.log(
        Level.WARNING,
        "SECURITY: Stripe event {0} ({1}) for order {2} refused: {3}",
        notice.eventId(),
        notice.getClass().getSimpleName(),
        notice.orderId(),
        why);
    return Optional.empty();
  }
}
