package shop.user.account;

import java.util.UUID;
import shop.user.shared.DomainException;

/** An admin gives another account a role (today: admin). */
public final class GrantRole {
  private final Accounts accounts;

  public GrantRole(Accounts accounts) {
    this.accounts = accounts;
  }

  public void grant(UUID userId, String role) {
    if (!Roles.GRANTABLE.contains(role)) {
      throw DomainException.invalid("role", "must be one of " + Roles.GRANTABLE);
    }
    if (!accounts.grantRole(userId, role)) {
      throw DomainException.notFound("user");
    }
  }
}
