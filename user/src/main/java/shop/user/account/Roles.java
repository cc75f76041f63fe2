package shop.user.account;

import java.util.Set;

/**
 * The roles an account can hold: every account is a customer; staff are granted roles, each for one
 * part of the shop's administration. The names match {@code shop.platform.auth.Caller}'s.
 */
final class Roles {
  public static final String CUSTOMER = "customer";
  public static final String CATALOG = "catalog";
  public static final String ORDERS = "orders";
  public static final String OPS = "ops";
  public static final String USERS = "users";

  /** The roles that can be granted or revoked ({@link #USERS} grants them). */
  public static final Set<String> GRANTABLE = Set.of(CATALOG, ORDERS, OPS, USERS);

  private Roles() {}
}
