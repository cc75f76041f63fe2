package shop.user.account;

import java.util.UUID;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

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
      throw new InvalidFieldException("role", "must be one of " + Roles.GRANTABLE);
    }
    if (actorId.equals(userId) && Roles.ADMIN.equals(role)) {
      throw new ConflictException("admins cannot revoke their own admin role");
    }
    if (!accounts.revokeRole(userId, role)) {
      throw NotFoundException.of("user");
    }
  }
}
