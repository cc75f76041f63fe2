package shop.user.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import shop.platform.domain.ConflictException;
import shop.platform.domain.NotFoundException;
import shop.platform.domain.TooManyAttemptsException;

/**
 * A signed-in customer whose confirmation mail was lost or expired asks for a new one. At most one
 * mail per {@code interval} per account (registration's included), counted in one atomic step, so
 * the route cannot be used to flood someone's mailbox; the per-address throttle bounds the rest.
 * Earlier links keep working until they expire.
 */
public final class ResendEmailVerification {
  private final Accounts accounts;
  private final SendEmailVerification send;
  private final Duration interval;
  private final Clock clock;

  public ResendEmailVerification(
      Accounts accounts, SendEmailVerification send, Duration interval, Clock clock) {
    if (!interval.isPositive()) {
      throw new IllegalArgumentException("the resend interval must be positive");
    }
    this.accounts = accounts;
    this.send = send;
    this.interval = interval;
    this.clock = clock;
  }

  /** 409 when the address is confirmed already, 429 (with when to retry) within the interval. */
  public void resend(UUID userId) {
    Account account = accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
    if (account.emailVerified()) {
      throw new ConflictException("the account's email is verified already");
    }
    Instant now = clock.instant();
    Optional<Instant> last = accounts.claimVerificationMail(userId, now, now.minus(interval));
    if (last.isPresent()) {
      Duration wait = Duration.between(now, last.get().plus(interval));
      throw new TooManyAttemptsException(
          "a confirmation mail was sent recently",
          wait.isPositive() ? wait : Duration.ofSeconds(1));
    }
    send.send(account);
  }
}
