package shop.events;

import java.time.Instant;

/**
 * A customer erased their account. The user service has already deleted what it kept (profile,
 * addresses, cards, carts, sessions, the Stripe customer); each consumer now forgets or anonymises
 * what it keeps about {@code userId}: transaction keeps the orders for accounting without the
 * person's details, notification forgets the contact data in its send ledger.
 */
public record UserDeleted(String userId, Instant deletedAt) implements ShopEvent {

  @Override
  public String subject() {
    return userId;
  }
}
