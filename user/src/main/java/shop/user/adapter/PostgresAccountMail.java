package shop.user.adapter;

import java.time.Clock;
import java.time.Instant;
import shop.events.EmailVerificationRequested;
import shop.events.EventEnvelope;
import shop.events.PasswordResetRequested;
import shop.events.RegistrationAttempted;
import shop.events.ShopEvent;
import shop.platform.outbox.OutboxWriter;
import shop.platform.postgres.PostgresDatabase;
import shop.user.account.Account;
import shop.user.account.AccountMail;
import shop.user.account.OneTimeTokens.Purpose;
import shop.user.account.OpaqueToken;

/**
 * Account mail through the shop's event path: each mail is an event in the outbox, and the
 * notification service sends the email. A mail's token is stored (by hash) in the same transaction
 * as its event, so the token exists exactly when the event that carries it will be published.
 */
public final class PostgresAccountMail implements AccountMail {
  // The account has no version of its own, and these events change nothing in it; notification,
  // their one consumer, keys on the event id.
  private static final long VERSION = 1;

  private final PostgresDatabase db;
  private final OutboxWriter outbox;
  private final Clock clock;

  public PostgresAccountMail(PostgresDatabase db, OutboxWriter outbox, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void confirmAddress(Account account, String token, Instant expiresAt) {
    mailToken(
        account,
        token,
        Purpose.VERIFY_EMAIL,
        expiresAt,
        new EmailVerificationRequested(
            account.id().toString(), account.email(), account.name(), token, expiresAt));
  }

  @Override
  public void resetPassword(Account account, String token, Instant expiresAt) {
    mailToken(
        account,
        token,
        Purpose.RESET_PASSWORD,
        expiresAt,
        new PasswordResetRequested(
            account.id().toString(), account.email(), account.name(), token, expiresAt));
  }

  @Override
  public void registrationAttempted(Account owner, Instant at) {
    EventEnvelope<RegistrationAttempted> event =
        EventEnvelope.of(
            new RegistrationAttempted(owner.id().toString(), owner.email(), owner.name(), at),
            VERSION,
            at);
    db.transaction(c -> outbox.append(c, event));
  }

  private void mailToken(
      Account account, String token, Purpose purpose, Instant expiresAt, ShopEvent mail) {
    Instant now = clock.instant();
    EventEnvelope<ShopEvent> event = EventEnvelope.of(mail, VERSION, now);
    db.transaction(
        c ->
            PostgresOneTimeTokens.insert(
                    c, OpaqueToken.hashOf(token), account.id(), purpose, expiresAt, now)
                .then(outbox.append(c, event)));
  }
}
