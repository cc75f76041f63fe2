package shop.transaction.payment;

import shop.transaction.order.MadeRefunds;
import shop.transaction.order.Money;
import shop.transaction.order.Order;
import shop.transaction.order.PaymentRefunds;
import shop.transaction.order.Refund;
import shop.transaction.order.Refunds;

/**
 * Gives an order's money back through the gateway, once: in full (the idempotency key derived from
 * the order) or in part (the key derived from the refund); and finds a part refund the gateway made
 * by that key.
 */
public final class RefundPayment implements Refunds, PaymentRefunds, MadeRefunds {
  private final PaymentGateway gateway;

  public RefundPayment(PaymentGateway gateway) {
    this.gateway = gateway;
  }

  /** Refunds {@code paymentIntentId} for {@code order} in full; returns the amount refunded. */
  @Override
  public long refund(Order order, String paymentIntentId) {
    if (paymentIntentId == null) {
      throw new IllegalStateException("order " + order.id() + " has no payment to refund");
    }
    // What is left after partial refunds; the whole total for a payment we never recorded as
    // captured (a late success of an expired order).
    long amount =
        order.fulfilment().capturedAmount() > 0
            ? order.fulfilment().refundable()
            : order.total().amount();
    return gateway.refund(
        new RefundRequest(
            order.id(),
            paymentIntentId,
            new Money(amount, order.total().currency()),
            "refund-" + order.id()));
  }

  @Override
  public void refundPart(Order order, Refund refund) {
    if (order.paymentIntentId() == null) {
      throw new IllegalStateException("order " + order.id() + " has no payment to refund");
    }
    gateway.refund(
        new RefundRequest(
            order.id(),
            order.paymentIntentId(),
            new Money(refund.amount(), order.total().currency()),
            refund.providerKey()));
  }

  @Override
  public boolean contains(Order order, Refund refund) {
    return order.paymentIntentId() != null
        && gateway.hasRefund(order.paymentIntentId(), refund.providerKey());
  }
}
