package shop.user.account;

import java.util.UUID;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

/** An admin gives another account a role (today: admin). */
public final class GrantRole {
  private final Accounts accounts;

  public GrantRole(Accounts accounts) {
    this.accounts = accounts;
  }

  public void grant(UUID userId, String role) {
    if (!Roles.GRANTABLE.contains(role)) {
      throw new InvalidFieldException("role", "must be one of " + Roles.GRANTABLE);
    }
    if (!accounts.grantRole(userId, role)) {
      throw NotFoundException.of("user");
    }
  }
}
