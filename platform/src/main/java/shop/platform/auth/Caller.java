package shop.platform.auth;

import java.util.Set;

/**
 * The authenticated user of a request, from the verified JWT's claims.
 *
 * @param phone E.164, or null
 * @param smsOptIn whether the user agreed to receive SMS
 * @param roles {@link #CUSTOMER} and any staff roles ({@link #CATALOG}, {@link #ORDERS}, {@link
 *     #OPS}, {@link #USERS})
 * @param stripeCustomerId the user's Stripe customer, or null before the first saved payment method
 * @param amr how the user proved who they are at login (RFC 8176): {@link #PASSWORD}, and {@link
 *     #ONE_TIME_CODE} when they also gave a TOTP code
 */
public record Caller(
    String userId,
    String email,
    String name,
    String phone,
    boolean smsOptIn,
    Set<String> roles,
    String stripeCustomerId,
    Set<String> amr) {

  public static final String CUSTOMER = "customer";

  /** Products, categories, images and stock. */
  public static final String CATALOG = "catalog";

  /** Order management: every customer's orders and the notifications sent about them. */
  public static final String ORDERS = "orders";

  /** Dead letters, replays, the outbox and the audit: the ops API. */
  public static final String OPS = "ops";

  /** Granting and revoking roles. */
  public static final String USERS = "users";

  /** The staff roles, each guarding its own admin routes. */
  public static final Set<String> STAFF_ROLES = Set.of(CATALOG, ORDERS, OPS, USERS);

  /** {@code amr} value: a password was checked. */
  public static final String PASSWORD = "pwd";

  /** {@code amr} value: a one-time code (TOTP) was checked. */
  public static final String ONE_TIME_CODE = "otp";

  public Caller {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    amr = amr == null ? Set.of() : Set.copyOf(amr);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Whether this login was confirmed with a second factor. */
  public boolean usedSecondFactor() {
    return amr.contains(ONE_TIME_CODE);
  }

  /**
   * Whether this caller may act as staff with {@code role}: they hold it and proved the login with
   * a second factor, so a stolen password alone never reaches an admin route.
   */
  public boolean actsAs(String role) {
    return hasRole(role) && usedSecondFactor();
  }

  /**
   * Whether this caller may see a resource owned by {@code ownerId}: its owner, or staff with
   * {@code staffRole}.
   */
  public boolean mayAccess(String ownerId, String staffRole) {
    return userId.equals(ownerId) || actsAs(staffRole);
  }
}
