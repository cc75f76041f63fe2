package shop.transaction.payment;

/** The payment provider. Both calls are idempotent on their key: a retry never charges twice. */
public interface PaymentGateway {
  /**
   * Charges the customer's saved payment method off-session; throws {@link PaymentUnavailable} when
   * the provider failed in a way worth retrying.
   */
  ChargeOutcome charge(ChargeRequest request);

  /** Refunds a captured payment in full; returns the amount refunded (minor units). */
  long refund(RefundRequest request);
}
