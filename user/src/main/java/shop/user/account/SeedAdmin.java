package shop.user.account;

import java.util.UUID;

/**
 * Makes the first admin: grants every staff role to the account with the given id, which must have
 * a verified email and an active TOTP factor. By id, not email, and only once verified: whoever
 * registered the operator's address first could otherwise be made admin. Idempotent, so it can run
 * again safely.
 */
public final class SeedAdmin {
  private final Accounts accounts;
  private final GrantRole grantRole;

  public SeedAdmin(Accounts accounts, GrantRole grantRole) {
    this.accounts = accounts;
    this.grantRole = grantRole;
  }

  /**
   * The admin's account; 404 when there is none, 409 when its email is not verified or it has no
   * active TOTP.
   */
  public Account seed(UUID userId, String source) {
    for (String role : Roles.GRANTABLE.stream().sorted().toList()) {
      grantRole.grant(userId, role, source);
    }
    // GrantRole has answered 404 for an unknown id already.
    return accounts.byId(userId).orElseThrow();
  }
}
