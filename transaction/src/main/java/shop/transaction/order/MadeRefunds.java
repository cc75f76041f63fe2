package shop.transaction.order;

/**
 * The refunds the payment provider has made, asked about one at a time: a refund left PENDING may
 * have reached the provider before the function that asked for it died. Declared here so that
 * orders do not depend on payments.
 */
public interface MadeRefunds {
  /**
   * Whether the provider made {@code refund} of {@code order}'s payment and did not fail it. Throws
   * {@code PaymentUnavailable} when the provider could not be asked.
   */
  boolean contains(Order order, Refund refund);
}
