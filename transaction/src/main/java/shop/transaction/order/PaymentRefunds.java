package shop.transaction.order;

/**
 * Gives part of a paid order's money back through the payment provider, once per refund (its {@link
 * Refund#providerKey()} is the provider's idempotency key). Declared here so that orders do not
 * depend on payments.
 */
public interface PaymentRefunds {
  /**
   * Refunds {@code refund}'s amount of {@code order}'s payment. Throws {@code PaymentUnavailable}
   * when the provider could not be asked (the refund stays pending, to be tried again); any other
   * failure means it refused.
   */
  void refundPart(Order order, Refund refund);
}
