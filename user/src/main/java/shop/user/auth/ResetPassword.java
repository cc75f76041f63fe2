package shop.user.auth;

import java.time.Instant;
import java.util.UUID;
import shop.platform.domain.NotFoundException;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.OneTimeTokens;
import shop.user.account.OneTimeTokens.Purpose;
import shop.user.account.OpaqueToken;
import shop.user.account.PasswordHasher;
import shop.user.account.PasswordPolicy;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.account.SecurityEvents;

/**
 * Sets a new password with the token of a reset mail, and ends every session: whoever knew the old
 * password is out. The new password is checked before the token is spent, so a refused password
 * does not cost the user their link. Having proved they read the account's mail, the owner is no
 * longer locked out by failures that a stranger may have caused.
 */
public final class ResetPassword {
  private static final String INVALID = "the reset link is not valid; request a new one";

  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final PasswordPolicy policy;
  private final OneTimeTokens tokens;
  private final LoginAttempts attempts;
  private final RefreshTokens refreshTokens;
  private final SessionIssuer sessions;
  private final SecurityEvents security;

  public ResetPassword(
      Accounts accounts,
      PasswordHasher passwords,
      PasswordPolicy policy,
      OneTimeTokens tokens,
      LoginAttempts attempts,
      RefreshTokens refreshTokens,
      SessionIssuer sessions,
      SecurityEvents security) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.policy = policy;
    this.tokens = tokens;
    this.attempts = attempts;
    this.refreshTokens = refreshTokens;
    this.sessions = sessions;
    this.security = security;
  }

  /** {@code source} is the caller's address, for the security log. */
  public void reset(String token, String newPassword, String source) {
    if (token == null || token.isBlank()) {
      throw new UnauthenticatedException(INVALID);
    }
    // Checked against no account's details yet: the token has not said whose it is.
    policy.check("newPassword", newPassword, "", null);
    Instant now = sessions.now();
    UUID userId =
        tokens
            .redeem(OpaqueToken.hashOf(token), Purpose.RESET_PASSWORD, now)
            .orElseThrow(() -> new UnauthenticatedException(INVALID));
    Account account = accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
    accounts.setPasswordHash(account.id(), passwords.hash(newPassword));
    refreshTokens.endAll(account.id(), now);
    attempts.succeeded(account.id());
    security.record(new SecurityEvent(Kind.PASSWORD_RESET, account.id(), source, "reset"));
  }
}
