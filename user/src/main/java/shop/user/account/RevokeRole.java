package shop.user.account;

import java.util.UUID;
import shop.user.shared.DomainException;

/**
 * An admin takes a role away. Admins cannot revoke their own admin role, so the last admin cannot
 * lock everyone out by accident.
 */
public final class RevokeRole {
  private final Accounts accounts;

  public RevokeRole(Accounts accounts) {
    this.accounts = accounts;
  }

  public void revoke(UUID actorId, UUID userId, String role) {
    if (!Roles.GRANTABLE.contains(role)) {
      throw DomainException.invalid("role", "must be one of " + Roles.GRANTABLE);
    }
    if (actorId.equals(userId) && Roles.ADMIN.equals(role)) {
      throw DomainException.conflict("admins cannot revoke their own admin role");
    }
    if (!accounts.revokeRole(userId, role)) {
      throw DomainException.notFound("user");
    }
  }
}
