package shop.transaction.payment;

/** Reads the provider's webhooks, checking that the provider signed them. */
public interface PaymentNotices {
  /**
   * The notice in {@code payload}; throws {@link InvalidPaymentNotice} when it is not authentic.
   */
  PaymentNotice read(String payload, String signature);
}
