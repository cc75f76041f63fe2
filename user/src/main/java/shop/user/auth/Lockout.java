package shop.user.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** After {@link #MAX_FAILURES} failed logins within {@link #WINDOW} an account refuses logins. */
public final class Lockout {
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private Lockout() {}

  /** The earliest time the oldest failures fall out of the window. */
  static Instant windowStart(Instant now) {
    return now.minus(WINDOW);
  }

  /**
   * How long the account stays locked, given its failures within the window (oldest first); empty
   * when it is not locked.
   */
  static Optional<Duration> retryAfter(List<Instant> failures, Instant now) {
    if (failures.size() < MAX_FAILURES) {
      return Optional.empty();
    }
    // Unlocked once fewer than MAX_FAILURES failures remain within the window.
    Instant unlock = failures.get(failures.size() - MAX_FAILURES).plus(WINDOW);
    Duration wait = Duration.between(now, unlock);
    return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
  }
}
