package shop.transaction.payment;

import shop.transaction.order.Order;
import shop.transaction.order.Refunds;

/** Gives an order's money back, once: the refund's idempotency key is derived from the order. */
public final class RefundPayment implements Refunds {
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
    return gateway.refund(
        new RefundRequest(order.id(), paymentIntentId, order.total(), "refund-" + order.id()));
  }
}
