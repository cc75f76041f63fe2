package shop.user.account;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import shop.platform.domain.ConflictException;
import shop.platform.domain.RejectedException;
import shop.user.account.SecurityEvent.Kind;

/**
 * Activates a pending TOTP factor once the owner shows a code made from it: proof that their app
 * holds the secret, before any login asks for one. From then on every login needs a code.
 */
public final class ConfirmTotp {
  private final TotpFactors factors;
  private final TotpCodes codes;
  private final SecurityEvents security;
  private final Clock clock;

  public ConfirmTotp(TotpFactors factors, TotpCodes codes, SecurityEvents security, Clock clock) {
    this.factors = factors;
    this.codes = codes;
    this.security = security;
    this.clock = clock;
  }

  /** {@code source} is the caller's address, for the security log. */
  public void confirm(UUID userId, String code, String source) {
    TotpFactors.Factor factor =
        factors
            .find(userId)
            .filter(f -> !f.active())
            .orElseThrow(() -> new ConflictException("there is no pending TOTP enrolment"));
    Instant now = clock.instant();
    OptionalLong step = codes.matchingStep(factor.secret(), code, now);
    if (step.isEmpty() || !factors.activate(userId, step.getAsLong(), now)) {
      security.record(new SecurityEvent(Kind.MFA_ACTIVATION_FAILED, userId, source, "wrong-otp"));
      throw new RejectedException("the code is not the app's current code");
    }
    security.record(new SecurityEvent(Kind.MFA_ACTIVATED, userId, source, "totp active"));
  }
}
