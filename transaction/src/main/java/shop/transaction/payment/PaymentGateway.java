package shop.transaction.payment;

import java.util.Optional;

/** The payment provider. Both calls are idempotent on their key: a retry never charges twice. */
public interface PaymentGateway {
  /**
   * Charges the customer's saved payment method off-session; throws {@link PaymentUnavailable} when
   * the provider failed in a way worth retrying.
   */
  ChargeOutcome charge(ChargeRequest request);

  /**
   * Refunds the request's amount of a captured payment; returns the amount refunded (minor units).
   */
  long refund(RefundRequest request);

  /**
   * Whether the provider holds a refund of {@code paymentIntentId} made with {@code idempotencyKey}
   * that has not failed (every refund carries its key in its metadata, so it can be found after the
   * provider has forgotten the key). Throws {@link PaymentUnavailable} when the provider cannot be
   * asked.
   */
  boolean hasRefund(String paymentIntentId, String idempotencyKey);

  /**
   * The payment {@code paymentIntentId} as the provider holds it; empty when the provider knows no
   * such payment. Throws {@link PaymentUnavailable} when the provider cannot be asked.
   */
  Optional<ProviderPayment> payment(String paymentIntentId);
}
