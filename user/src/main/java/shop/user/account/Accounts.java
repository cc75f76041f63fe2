package shop.user.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where accounts are kept (port). */
public interface Accounts {

  /**
   * Stores a new account and publishes {@code registration} in the same transaction; false (and
   * nothing stored or published) when the email is taken.
   */
  boolean register(Account account, Registration registration);

  Optional<Account> byId(UUID id);

  Optional<Account> byEmail(String normalisedEmail);

  /** Replaces name, phone and SMS opt-in; false when there is no such account. */
  boolean updateProfile(UUID id, String name, String phone, boolean smsOptIn);

  /**
   * Records the account's Stripe customer unless one is already recorded; returns the one that is
   * recorded afterwards.
   */
  String linkStripeCustomer(UUID id, String customerId);

  /**
   * Replaces the account's password hash with {@code newHash} if it is still {@code currentHash} (a
   * hash made with the current cost); false when it is not, or there is no such account.
   */
  boolean replacePasswordHash(UUID id, String currentHash, String newHash);

  /**
   * Records that an address confirmation is mailed at {@code now}, unless the last one went out
   * after {@code notBefore} (one atomic step, so concurrent resends send one mail): empty when
   * recorded, else when the last one went out.
   */
  Optional<Instant> claimVerificationMail(UUID id, Instant now, Instant notBefore);

  /** Records that the owner confirmed the address at {@code at}, unless already recorded. */
  void markEmailVerified(UUID id, Instant at);

  /** Replaces the password hash whatever it was; false when there is no such account. */
  boolean setPasswordHash(UUID id, String newHash);

  /** False when there is no such account. */
  boolean grantRole(UUID id, String role);

  /** False when there is no such account. */
  boolean revokeRole(UUID id, String role);

  /**
   * Deletes the account and everything kept with it (roles, sessions, addresses, cards, cart,
   * second factor, tokens) and publishes that it was erased at {@code at}, in one transaction;
   * false when there is no such account.
   */
  boolean erase(UUID id, Instant at);
}
