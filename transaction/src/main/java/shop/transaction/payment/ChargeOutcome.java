package shop.transaction.payment;

/** What the provider made of a charge. */
public sealed interface ChargeOutcome {
  String paymentIntentId();

  record Succeeded(String paymentIntentId) implements ChargeOutcome {}

  /**
   * @param declineCode the provider's decline code, or null
   */
  record Declined(String paymentIntentId, String reason, String declineCode)
      implements ChargeOutcome {}

  /**
   * @param actionUrl where the customer completes the payment, or null
   */
  record ActionRequired(String paymentIntentId, String actionUrl) implements ChargeOutcome {}
}
