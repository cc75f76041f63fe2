package shop.transaction.payment;

import java.time.Clock;
import java.util.Optional;
import shop.transaction.order.Changed;
import shop.transaction.order.Consumers;
import shop.transaction.order.HandledMessage;
import shop.transaction.order.Order;
import shop.transaction.order.OrderNotFound;
import shop.transaction.order.OrderRepository;
import shop.transaction.order.OrderStatus;
import shop.transaction.order.OrderUpdates;

/**
 * Product reserved the stock: charge the customer's saved payment method and record the outcome
 * (PAID, or PaymentFailed and cancelled, or waiting for the customer). A card that is not the
 * order's user's is not charged: the order fails as a declined one does (see {@link Payer}).
 *
 * <p>The charge cannot share a transaction with the database, so the steps are each safe to repeat:
 * the order becomes RESERVED first (a retry finds it so), the charge's idempotency key is derived
 * from the order id (a retry gets the first charge's result, never a second charge), and the
 * outcome is stored together with the message's inbox record. A provider failure leaves the order
 * RESERVED and fails the message, which SQS delivers again.
 */
public final class CapturePayment {
  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final PaymentGateway gateway;
  private final Payer payer;
  private final RefundPayment refunds;
  private final Clock clock;

  public CapturePayment(
      OrderRepository orders,
      PaymentGateway gateway,
      PaymentMethodOwners owners,
      RefundPayment refunds,
      Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.gateway = gateway;
    this.payer = new Payer(owners);
    this.refunds = refunds;
    this.clock = clock;
  }

  /** Handles the InventoryReserved with CloudEvent id {@code eventId}. */
  public void capture(String eventId, String orderId) {
    HandledMessage message = new HandledMessage(Consumers.PAYMENTS, eventId);
    Order order = orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
    if (order.status() == OrderStatus.PENDING) {
      order =
          updates
              .apply(
                  orderId,
                  null,
                  o ->
                      o.status() == OrderStatus.PENDING
                          ? Optional.of(o.reserve(clock.instant()))
                          : Optional.empty())
              .map(Changed::after)
              // Orders are never deleted: the one just read is there.
              .orElseGet(() -> orders.find(orderId).orElseThrow());
    }
    if (order.status() != OrderStatus.RESERVED) {
      // Cancelled meanwhile (expired, by the customer), or a duplicate of a message handled before.
      orders.markHandled(message);
      return;
    }
    ChargeOutcome outcome =
        switch (payer.of(order)) {
          case Payer.Choice.Charge c ->
              gateway.charge(
                  new ChargeRequest(
                      order.id(),
                      order.total(),
                      order.paymentMethodId(),
                      c.customerId(),
                      "charge-" + order.id()));
          case Payer.Choice.Refuse r -> new ChargeOutcome.Declined(null, r.reason(), null);
        };
    updates.apply(orderId, message, current -> record(current, outcome));
  }

  private Optional<Changed> record(Order order, ChargeOutcome outcome) {
    if (order.status() == OrderStatus.RESERVED) {
      return Optional.of(
          switch (outcome) {
            case ChargeOutcome.Succeeded s -> order.capture(s.paymentIntentId(), clock.instant());
            case ChargeOutcome.Declined d ->
                order.failPayment(
                    d.paymentIntentId(), d.reason(), d.declineCode(), clock.instant());
            case ChargeOutcome.ActionRequired a ->
                order.requireAction(a.paymentIntentId(), a.actionUrl(), clock.instant());
          });
    }
    if (order.status() == OrderStatus.CANCELLED && outcome instanceof ChargeOutcome.Succeeded s) {
      // The customer cancelled (or the order expired) while we were charging: give it back.
      refunds.refund(order, s.paymentIntentId());
    }
    // Otherwise the webhook recorded the outcome first.
    return Optional.empty();
  }
}
