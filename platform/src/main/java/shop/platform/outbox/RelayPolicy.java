package shop.platform.outbox;

import java.time.Duration;
import java.util.Objects;
import shop.platform.config.Config;

/**
 * How the outbox relay retries: a row that fails to send waits an exponentially growing, jittered
 * delay, and is parked for an operator after {@code maxAttempts} failed sends.
 *
 * @param maxAttempts sends tried before a row is parked (at least 1)
 * @param baseDelay the delay after the first failure
 * @param maxDelay the cap on any delay
 * @param claimTimeout how long a relay holds the rows it claimed before another relay may take them
 *     (longer than one PutEvents call with its SDK retries)
 */
public record RelayPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration claimTimeout) {

  /**
   * How long the sweep keeps a sent entry before deleting it: long enough to trace an event from
   * its outbox, short enough that the outbox does not grow with every event ever sent.
   */
  public static final Duration SENT_RETENTION = Duration.ofDays(7);

  public RelayPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(claimTimeout, "claimTimeout");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay");
    }
    if (claimTimeout.isNegative() || claimTimeout.isZero()) {
      throw new IllegalArgumentException("claimTimeout must be positive");
    }
  }

  /** 12 attempts, 2 s doubling up to 10 min: about half an hour of bus outage before parking. */
  public static RelayPolicy defaults() {
    return new RelayPolicy(
        12, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(1));
  }

  /**
   * The defaults, overridden by {@code OUTBOX_MAX_ATTEMPTS}, {@code OUTBOX_BASE_DELAY}, {@code
   * OUTBOX_MAX_DELAY} and {@code OUTBOX_CLAIM_TIMEOUT} (durations as ISO-8601 or seconds).
   */
  public static RelayPolicy from(Config config) {
    RelayPolicy d = defaults();
    return new RelayPolicy(
        config.getInt("OUTBOX_MAX_ATTEMPTS", d.maxAttempts()),
        config.getDuration("OUTBOX_BASE_DELAY", d.baseDelay()),
        config.getDuration("OUTBOX_MAX_DELAY", d.maxDelay()),
        config.getDuration("OUTBOX_CLAIM_TIMEOUT", d.claimTimeout()));
  }

  /** Whether a row that has now failed {@code failedAttempts} times is parked. */
  public boolean parks(int failedAttempts) {
    return failedAttempts >= maxAttempts;
  }

  /**
   * The wait after the {@code failedAttempts}-th failure: {@code baseDelay * 2^(failedAttempts-1)}
   * capped at {@code maxDelay}, then scaled into its upper half by {@code random} in [0, 1).
   * Keeping half the delay stops a row from coming due again at once; the random half spreads the
   * rows of a batch that failed together so they do not retry in lockstep.
   */
  public Duration backoff(int failedAttempts, double random) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1");
    }
    if (random < 0 || random >= 1) {
      throw new IllegalArgumentException("random must be in [0, 1)");
    }
    int doublings = Math.min(failedAttempts - 1, 30);
    long baseMillis = baseDelay.toMillis();
    long maxMillis = maxDelay.toMillis();
    long exponential =
        baseMillis > (maxMillis >> doublings)
            ? maxMillis
            : Math.min(maxMillis, baseMillis << doublings);
    long half = exponential / 2;
    return Duration.ofMillis(exponential - half + (long) (half * random));
  }
}
