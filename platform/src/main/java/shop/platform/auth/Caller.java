package shop.platform.auth;

import java.util.Set;

/**
 * The authenticated user of a request, from the verified JWT's claims.
 *
 * @param phone E.164, or null
 * @param smsOptIn whether the user agreed to receive SMS
 * @param stripeCustomerId the user's Stripe customer, or null before the first saved payment method
 */
public record Caller(
    String userId,
    String email,
    String name,
    String phone,
    boolean smsOptIn,
    Set<String> roles,
    String stripeCustomerId) {

  public static final String ADMIN = "admin";

  public Caller {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return hasRole(ADMIN);
  }

  /** Whether this caller may see a resource owned by {@code ownerId}: its owner or an admin. */
  public boolean mayAccess(String ownerId) {
    return userId.equals(ownerId) || isAdmin();
  }
}
