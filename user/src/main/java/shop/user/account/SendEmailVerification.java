package shop.user.account;

import java.time.Clock;
import java.time.Instant;
import shop.user.account.OneTimeTokens.Purpose;

/** Mails an account's address a one-time link that proves the owner reads it (24 hours). */
public final class SendEmailVerification {
  private final AccountMail mail;
  private final Clock clock;

  public SendEmailVerification(AccountMail mail, Clock clock) {
    this.mail = mail;
    this.clock = clock;
  }

  public void send(Account account) {
    if (account.emailVerified()) {
      return;
    }
    Instant now = clock.instant();
    Instant expiresAt = now.plus(Purpose.VERIFY_EMAIL.lifetime());
    // The mail records the token with itself (AccountMail).
    mail.confirmAddress(account, OpaqueToken.generate().value(), expiresAt);
  }
}
