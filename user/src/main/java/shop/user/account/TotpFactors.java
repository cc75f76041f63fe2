package shop.user.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where each account's TOTP secret is kept (port): pending from enrolment until a first code
 * confirms it, then active. The secret is handed out once, at enrolment, and never again.
 */
public interface TotpFactors {

  /**
   * Stores {@code secret} as the account's pending factor, replacing a pending one; false (and
   * nothing changed) when the account already has an active factor.
   */
  boolean enrol(UUID userId, String secret, Instant now);

  Optional<Factor> find(UUID userId);

  /**
   * Activates the pending factor and records {@code step} as used; false when there is no pending
   * factor or {@code step} is not later than the last used one.
   */
  boolean activate(UUID userId, long step, Instant now);

  /**
   * Records {@code step} as used if it is later than the last used one, in one atomic step: two
   * logins racing with the same code cannot both pass. False when it is not later.
   */
  boolean use(UUID userId, long step);

  /** Sets an active factor with {@code secret} whatever was there (the local seeded admin). */
  void replaceActive(UUID userId, String secret, Instant now);

  /**
   * One account's factor.
   *
   * @param active whether a code confirmed it
   * @param lastUsedStep the last time step whose code was accepted, or null
   */
  record Factor(String secret, boolean active, Long lastUsedStep) {
    @Override
    public String toString() {
      return "Factor[active=" + active + "]";
    }
  }
}
