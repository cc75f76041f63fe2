package shop.user.account;

import java.util.UUID;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.SecurityEvent.Kind;

/**
 * Staff with the users role give an account a staff role. Only a verified account with an active
 * TOTP factor can hold one.
 */
public final class GrantRole {
  private final Accounts accounts;
  private final SecondFactor secondFactor;
  private final SecurityEvents security;

  public GrantRole(Accounts accounts, SecondFactor secondFactor, SecurityEvents security) {
    this.accounts = accounts;
    this.secondFactor = secondFactor;
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
    if (!secondFactor.isRequired(userId)) {
      throw new SecondFactorMissing();
    }
    if (!accounts.grantRole(userId, role)) {
      throw NotFoundException.of("user");
    }
    security.record(new SecurityEvent(Kind.ROLE_GRANTED, userId, source, role));
  }
}
