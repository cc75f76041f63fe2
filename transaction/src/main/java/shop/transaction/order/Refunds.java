package shop.transaction.order;

/**
 * Gives a paid order's money back: what a cancellation needs of payments (the payment package's
 * {@code RefundPayment} is it), declared here so that orders do not depend on payments.
 */
public interface Refunds {
  /**
   * Refunds {@code paymentIntentId} for {@code order} in full, once; returns the amount refunded.
   */
  long refund(Order order, String paymentIntentId);
}
