package shop.platform.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The codes an authenticator app holding {@code secret} would give, never the same step twice: for
 * the scripts and tests that log in as the local cloud's seeded admin, since the user service
 * refuses a code it has already accepted. A caller asking faster than the steps pass gets the next
 * step's code (the service allows one step of drift), then waits for the steps to catch up.
 */
public final class OneTimeCodes {
  private final String secret;
  private final Clock clock;
  private long lastStep = Long.MIN_VALUE;

  public OneTimeCodes(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
    Totp.fromBase32(secret);
  }

  public OneTimeCodes(String secret) {
    this(secret, Clock.systemUTC());
  }

  /** A code this object has not handed out before, valid now or in the next step. */
  public synchronized String next() {
    long step = Math.max(Totp.step(clock.instant()), lastStep + 1);
    while (step > Totp.step(clock.instant()) + Totp.ALLOWED_DRIFT_STEPS) {
      waitForStep(step - Totp.ALLOWED_DRIFT_STEPS);
    }
    lastStep = step;
    return Totp.code(Totp.fromBase32(secret), step, Totp.DIGITS);
  }

  private void waitForStep(long step) {
    Instant start = Instant.ofEpochSecond(step * Totp.STEP_SECONDS);
    Duration wait = Duration.between(clock.instant(), start);
    try {
      Thread.sleep(Math.max(1, wait.toMillis() + 50));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the next TOTP step", e);
    }
  }
}
