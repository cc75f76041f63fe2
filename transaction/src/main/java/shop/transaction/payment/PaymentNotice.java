package shop.transaction.payment;

/** What the provider told us in a (verified) webhook. */
public sealed interface PaymentNotice {
  /** The provider's event id: a notice is applied once. */
  String eventId();

  /** The order the event claims to be about, or null. */
  default String orderId() {
    return null;
  }

  /** The payment the event claims to be about, or null. */
  default String paymentIntentId() {
    return null;
  }

  /**
   * @param orderId from the payment's metadata, or null when it is not one of our orders
   */
  record Succeeded(String eventId, String orderId, String paymentIntentId)
      implements PaymentNotice {}

  record Failed(
      String eventId, String orderId, String paymentIntentId, String reason, String declineCode)
      implements PaymentNotice {}

  /**
   * @param amountRefunded minor units refunded so far
   */
  record Refunded(String eventId, String orderId, String paymentIntentId, long amountRefunded)
      implements PaymentNotice {}

  /** An event type we do not act on. */
  record Ignored(String eventId, String type) implements PaymentNotice {}
}
