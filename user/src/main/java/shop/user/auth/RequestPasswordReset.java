package shop.user.auth;

import java.time.Clock;
import java.time.Instant;
import shop.platform.domain.Fields;
import shop.user.account.AccountMail;
import shop.user.account.Accounts;
import shop.user.account.OneTimeTokens.Purpose;
import shop.user.account.OpaqueToken;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.account.SecurityEvents;

/**
 * Mails a one-time link (30 minutes) to set a new password. The caller is told nothing either way,
 * so it does not reveal which addresses have accounts.
 */
public final class RequestPasswordReset {
  private final Accounts accounts;
  private final AccountMail mail;
  private final SecurityEvents security;
  private final Clock clock;

  public RequestPasswordReset(
      Accounts accounts, AccountMail mail, SecurityEvents security, Clock clock) {
    this.accounts = accounts;
    this.mail = mail;
    this.security = security;
    this.clock = clock;
  }

  /** {@code source} is the caller's address, for the security log. */
  public void request(String email, String source) {
    String normalised = Fields.email("email", email);
    accounts
        .byEmail(normalised)
        .ifPresent(
            account -> {
              Instant now = clock.instant();
              Instant expiresAt = now.plus(Purpose.RESET_PASSWORD.lifetime());
              // The mail records the token with itself (AccountMail).
              mail.resetPassword(account, OpaqueToken.generate().value(), expiresAt);
              security.record(
                  new SecurityEvent(Kind.PASSWORD_RESET, account.id(), source, "requested"));
            });
  }
}
