package shop.user.auth;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Failed logins in a row per account, for the {@link Lockout} (port). An attempt is counted as a
 * failure before its password is checked, in the same atomic step that finds whether the account is
 * locked: concurrent guesses cannot all slip past the check, and at most {@code maxFailures}
 * passwords are checked per lock.
 */
public interface LoginAttempts {

  /**
   * Counts an attempt at {@code now} as a failure unless the account is locked: the failures in a
   * row including this one, or empty when it is locked (and nothing was counted).
   */
  OptionalInt claim(UUID userId, Instant now);

  /** Forgets the account's failures (the password was right). */
  void succeeded(UUID userId);
}
