package shop.transaction.payment;

import java.util.Optional;
import shop.transaction.order.Money;
import shop.transaction.order.Order;

/**
 * A payment as the provider holds it, read from the provider itself: what a webhook's body says is
 * only a hint of what to read.
 *
 * @param orderId the order named in the payment's metadata, or null
 * @param amountRefunded minor units refunded so far
 * @param clientSecret what the customer's browser needs to finish an authentication, or null
 * @param nextAction what the customer must do, while {@link Status#REQUIRES_ACTION}, or null
 * @param failureCode the provider's code for the last failed attempt, or null
 */
public record ProviderPayment(
    String id,
    String orderId,
    Money amount,
    Status status,
    long amountRefunded,
    String clientSecret,
    NextAction nextAction,
    String failureCode) {

  /**
   * The provider's code for an off-session charge the customer's bank wants to authenticate: the
   * attempt failed, and the same payment can still succeed once the customer authenticates.
   */
  public static final String AUTHENTICATION_REQUIRED = "authentication_required";

  /** Whether the last attempt failed only because the customer must authenticate it. */
  public boolean awaitsAuthentication() {
    return AUTHENTICATION_REQUIRED.equals(failureCode);
  }

  public enum Status {
    SUCCEEDED,
    /** The customer must authenticate (3-D Secure) before the payment can go on. */
    REQUIRES_ACTION,
    /** Declined, abandoned or cancelled: no money moved. */
    FAILED,
    /** Not final yet. */
    PROCESSING
  }

  /**
   * @param type the provider's kind of action ({@code use_stripe_sdk}, {@code redirect_to_url})
   * @param redirectUrl where to send the customer, for a redirect, else null
   */
  public record NextAction(String type, String redirectUrl) {}

  /**
   * Why this payment is not {@code order}'s, or empty when it is: the provider's payment must be
   * the one recorded for the order (if one is), name the order, and be for its total in its
   * currency.
   */
  public Optional<String> mismatchWith(Order order) {
    if (order.paymentIntentId() != null && !order.paymentIntentId().equals(id)) {
      return Optional.of("payment " + id + " is not the order's (" + order.paymentIntentId() + ")");
    }
    if (!order.id().equals(orderId)) {
      return Optional.of("payment " + id + " names order " + orderId);
    }
    if (!order.total().equals(amount)) {
      return Optional.of(
          "payment " + id + " is for " + amount + ", the order for " + order.total());
    }
    return Optional.empty();
  }
}
