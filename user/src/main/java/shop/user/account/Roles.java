package shop.user.account;

import java.util.Set;

/** The roles an account can hold: every account is a customer; admins are granted. */
final class Roles {
  public static final String CUSTOMER = "customer";
  public static final String ADMIN = "admin";

  /** The roles an admin may grant or revoke. */
  public static final Set<String> GRANTABLE = Set.of(ADMIN);

  private Roles() {}
}
