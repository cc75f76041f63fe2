package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;

/**
 * Stripe's test PaymentMethods ({@code pm_card_visa}, ...): ids that stand for a test card, each of
 * which makes a new PaymentMethod when used, and how a payment with each card ends.
 */
enum TestCard {
  VISA("pm_card_visa", "visa", "4242", Outcome.SUCCEEDS, null),
  VISA_DEBIT("pm_card_visa_debit", "visa", "5556", Outcome.SUCCEEDS, null),
  MASTERCARD("pm_card_mastercard", "mastercard", "4444", Outcome.SUCCEEDS, null),
  CHARGE_DECLINED("pm_card_chargeDeclined", "visa", "0002", Outcome.DECLINED, "generic_decline"),
  INSUFFICIENT_FUNDS(
      "pm_card_chargeDeclinedInsufficientFunds",
      "visa",
      "9995",
      Outcome.DECLINED,
      "insufficient_funds"),
  AUTHENTICATION_REQUIRED(
      "pm_card_authenticationRequired", "visa", "3184", Outcome.AUTHENTICATION_REQUIRED, null);

  /** How a confirmation with the card ends. */
  enum Outcome {
    SUCCEEDS,
    DECLINED,
    /**
     * 3-D Secure on every payment: on session the customer must authenticate, off session fails.
     */
    AUTHENTICATION_REQUIRED
  }

  private final String token;
  private final String brand;
  private final String last4;
  private final Outcome outcome;
  private final String declineCode;

  TestCard(String token, String brand, String last4, Outcome outcome, String declineCode) {
    this.token = token;
    this.brand = brand;
    this.last4 = last4;
    this.outcome = outcome;
    this.declineCode = declineCode;
  }

  static Optional<TestCard> byToken(String id) {
    return Arrays.stream(values()).filter(card -> card.token.equals(id)).findFirst();
  }

  static Optional<TestCard> byLast4(String last4) {
    return Arrays.stream(values()).filter(card -> card.last4.equals(last4)).findFirst();
  }

  Outcome outcome() {
    return outcome;
  }

  String declineCode() {
    return declineCode;
  }

  String declineMessage() {
    return "insufficient_funds".equals(declineCode)
        ? "Your card has insufficient funds."
        : "Your card was declined.";
  }

  /** A new PaymentMethod for this card, attached to no one. */
  ObjectNode newPaymentMethod() {
    ObjectNode method = StripeJson.object("pm", "payment_method");
    method.put("type", "card");
    method.putNull("customer");
    ObjectNode card = method.putObject("card");
    card.put("brand", brand);
    card.put("last4", last4);
    card.put("exp_month", 12);
    card.put("exp_year", java.time.Year.now().getValue() + 3);
    card.put("funding", this == VISA_DEBIT ? "debit" : "credit");
    card.put("country", "US");
    method.putObject("billing_details");
    method.putObject("metadata");
    return method;
  }
}
