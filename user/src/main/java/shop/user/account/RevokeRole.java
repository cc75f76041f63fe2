package shop.user.account;

import java.time.Clock;
import java.util.UUID;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.SecurityEvent.Kind;

/**
 * Staff with the users role take a role away, and with it the user's sessions: a refresh would
 * otherwise mint access tokens that still carry the role. Nobody can revoke their own users role,
 * so the last one who can grant roles cannot lock everyone out by accident.
 */
public final class RevokeRole {
  private final Accounts accounts;
  private final Sessions sessions;
  private final SecurityEvents security;
  private final Clock clock;

  public RevokeRole(Accounts accounts, Sessions sessions, SecurityEvents security, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.security = security;
    this.clock = clock;
  }

  /** {@code source} says who acted from where, for the security log. */
  public void revoke(UUID actorId, UUID userId, String role, String source) {
    if (!Roles.GRANTABLE.contains(role)) {
      throw new InvalidFieldException("role", "must be one of " + Roles.GRANTABLE);
    }
    if (actorId.equals(userId) && Roles.USERS.equals(role)) {
      throw new ConflictException("nobody can revoke their own users role");
    }
    if (!accounts.revokeRole(userId, role)) {
      throw NotFoundException.of("user");
    }
    sessions.endAll(userId, clock.instant());
    security.record(new SecurityEvent(Kind.ROLE_REVOKED, userId, source, role));
  }
}
