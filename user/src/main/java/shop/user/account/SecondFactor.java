package shop.user.account;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Checks the one-time code of an account with an active TOTP factor. A code is accepted once: its
 * time step is recorded, and a code of that step or an earlier one is refused, so a code seen over
 * a shoulder or in a log cannot be replayed within its window.
 */
public final class SecondFactor {
  private final TotpFactors factors;
  private final TotpCodes codes;
  private final Clock clock;

  public SecondFactor(TotpFactors factors, TotpCodes codes, Clock clock) {
    this.factors = factors;
    this.codes = codes;
    this.clock = clock;
  }

  /** Whether the account has an active factor: its logins need a code. */
  public boolean isRequired(UUID userId) {
    return factors.find(userId).map(TotpFactors.Factor::active).orElse(false);
  }

  /** Whether {@code code} is a fresh valid code of the account's active factor. */
  public boolean accepts(UUID userId, String code) {
    TotpFactors.Factor factor =
        factors.find(userId).filter(TotpFactors.Factor::active).orElse(null);
    if (factor == null || code == null) {
      return false;
    }
    OptionalLong step = codes.matchingStep(factor.secret(), code, clock.instant());
    return step.isPresent() && factors.use(userId, step.getAsLong());
  }
}
