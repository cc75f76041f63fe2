package shop.user.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A user's account.
 *
 * @param email normalised (trimmed, lower case)
 * @param passwordHash the password hasher's encoded hash; never shown or logged
 * @param phone E.164, or null
 * @param roles always holds {@link Roles#CUSTOMER}
 * @param stripeCustomerId null until the first saved payment method
 * @param emailVerifiedAt when the owner proved they read mail at {@code email}; null until then
 */
public record Account(
    UUID id,
    String email,
    String passwordHash,
    String name,
    String phone,
    boolean smsOptIn,
    Set<String> roles,
    String stripeCustomerId,
    Instant createdAt,
    Instant emailVerifiedAt) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    roles = Set.copyOf(roles);
  }

  public boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  public Account withStripeCustomer(String customerId) {
    return new Account(
        id,
        email,
        passwordHash,
        name,
        phone,
        smsOptIn,
        roles,
        customerId,
        createdAt,
        emailVerifiedAt);
  }

  // The hash stays out of logs and exception messages.
  @Override
  public String toString() {
    return "Account[id=" + id + ", roles=" + roles + "]";
  }
}
