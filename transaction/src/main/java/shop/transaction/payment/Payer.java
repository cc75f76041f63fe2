package shop.transaction.payment;

import java.lang.System.Logger.Level;
import java.util.Objects;
import shop.transaction.order.Order;

/**
 * Which provider customer an order's card is charged with. Stripe charges a card attached to a
 * customer only together with that customer, and checkout takes the customer from the access token,
 * which the user service signed. A token issued before the customer's first card carries none: then
 * the card's customer is asked of the provider and used only when it was made for the order's user.
 * Knowing someone's {@code pm_} id must never be enough to charge their card.
 */
final class Payer {
  private static final System.Logger LOG = System.getLogger(Payer.class.getName());

  /** What the customer is told (the same whoever owns the card: a prober learns nothing). */
  static final String NOT_YOURS =
      "The card could not be confirmed as yours; sign in again and retry.";

  private final PaymentMethodOwners owners;

  Payer(PaymentMethodOwners owners) {
    this.owners = owners;
  }

  /** The customer to charge {@code order} with, or why its card may not be charged. */
  Choice of(Order order) {
    if (order.stripeCustomerId() != null) {
      return new Choice.Charge(order.stripeCustomerId());
    }
    PaymentMethodOwner owner = owners.owner(order.paymentMethodId());
    if (owner.customerId() == null) {
      // Attached to no one: Stripe charges such a method once, alone, as it did before.
      return new Choice.Charge(null);
    }
    if (!Objects.equals(owner.userId(), order.userId())) {
      LOG.log(
          Level.WARNING,
          "SECURITY: order {0}: payment method {1} belongs to customer {2}, not made for the"
              + " order''s user; not charged",
          order.id(),
          order.paymentMethodId(),
          owner.customerId());
      return new Choice.Refuse(NOT_YOURS);
    }
    return new Choice.Charge(owner.customerId());
  }

  sealed interface Choice {
    /**
     * @param customerId the customer to charge with, or null for a card attached to no one
     */
    record Charge(String customerId) implements Choice {}

    record Refuse(String reason) implements Choice {}
  }
}
