package shop.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import shop.platform.domain.TooManyAttemptsException;

/**
 * At most {@code limit} attempts per source address in each {@code window} on the routes that take
 * a password or a one-time token: one address cannot guess at many accounts, nor lock them all. API
 * Gateway's route throttles bound the total; this bounds each caller. The answer says nothing about
 * any account, so it may be a plain 429.
 */
public final class SourceThrottle {
  private final SourceAttempts attempts;
  private final int limit;
  private final Duration window;
  private final Clock clock;

  public SourceThrottle(SourceAttempts attempts, int limit, Duration window, Clock clock) {
    if (limit < 1 || !window.isPositive()) {
      throw new IllegalArgumentException("the throttle needs a positive limit and window");
    }
    this.attempts = attempts;
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Throws a {@link TooManyAttemptsException} when {@code source} has used up this window. */
  public void admit(String source) {
    Instant now = clock.instant();
    Instant windowStart = windowStart(now);
    if (attempts.count(source, windowStart) > limit) {
      Duration wait = Duration.between(now, windowStart.plus(window));
      throw new TooManyAttemptsException(
          "too many attempts from this address", wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
  }

  /**
   * Forgets every address whose window has ended: one row per address that ever called would
   * otherwise stay for good (a scan from many addresses would leave millions). Returns how many.
   */
  public int prune() {
    return attempts.forgetBefore(windowStart(clock.instant()));
  }

  private Instant windowStart(Instant now) {
    long size = window.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
  }
}
