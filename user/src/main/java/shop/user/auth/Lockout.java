package shop.user.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * When an account refuses to check passwords: after {@code maxFailures} failures in a row it is
 * locked for {@code firstLock}, and each further failure (one can be tried whenever a lock ends)
 * doubles the lock up to {@code longestLock}. A stranger guessing at a victim's account thus earns
 * few guesses an hour, while the owner is never locked out for long. Failures older than {@code
 * forgetAfter} are forgotten, as is every failure once the right password is given.
 */
public record Lockout(
    int maxFailures, Duration firstLock, Duration longestLock, Duration forgetAfter) {
  public static final Lockout DEFAULT =
      new Lockout(5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1));

  public Lockout {
    if (maxFailures < 1
        || firstLock.isNegative()
        || longestLock.compareTo(firstLock) < 0
        || !forgetAfter.isPositive()) {
      throw new IllegalArgumentException(
          "a lockout needs at least one failure, and lock durations that grow");
    }
  }

  /** How long an account with {@code failures} failures in a row is locked after the last one. */
  public Duration lockAfter(int failures) {
    if (failures < maxFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - maxFailures, 40);
    Duration lock = firstLock.multipliedBy(1L << Math.min(doublings, 30));
    return lock.compareTo(longestLock) > 0 ? longestLock : lock;
  }

  /** Whether an attempt at {@code now} is refused. */
  public boolean isLocked(int failures, Instant lastFailure, Instant now) {
    return now.isBefore(lastFailure.plus(lockAfter(failures)));
  }

  /** The failures to count for an attempt at {@code now}: none once they are old enough. */
  public int failuresAt(int failures, Instant lastFailure, Instant now) {
    return lastFailure.plus(forgetAfter).isAfter(now) ? failures : 0;
  }
}
