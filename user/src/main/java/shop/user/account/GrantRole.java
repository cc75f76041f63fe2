package shop.user.account;

import java.util.UUID;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.SecurityEvent.Kind;

/** An admin gives another account a role (today: admin). Only a verified account can hold one. */
public final class GrantRole {
  private final Accounts accounts;
  private final SecurityEvents security;

  public GrantRole(Accounts accounts, SecurityEvents security) {
    this.accounts = accounts;
    this.security = security;
  }

  /** {@code source} says who acted from where, for the security log. */
  public void grant(UUID userId, String role, String source) {
    if (!Roles.GRANTABLE.contains(role)) {
      throw new InvalidFieldException("role", "must be one of " + Roles.GRANTABLE);
    }
    Account account = accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
    if (!account.emailVerified()) {
      throw new EmailNotVerified();
    }
    if (!accounts.grantRole(userId, role)) {
      throw NotFoundException.of("user");
    }
    security.record(new SecurityEvent(Kind.ROLE_GRANTED, userId, source, role));
  }
}
