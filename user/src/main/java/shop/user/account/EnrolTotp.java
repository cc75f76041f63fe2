package shop.user.account;

import java.time.Clock;
import java.util.UUID;
import shop.platform.domain.ConflictException;
import shop.platform.domain.NotFoundException;
import shop.user.account.SecurityEvent.Kind;

/**
 * Starts TOTP enrolment: a new secret, pending until {@link ConfirmTotp} sees a code made from it.
 * The secret is returned here and never again. An active factor is not replaced: whoever holds a
 * stolen session could otherwise swap the owner's second factor for their own.
 */
public final class EnrolTotp {
  private final Accounts accounts;
  private final TotpFactors factors;
  private final TotpCodes codes;
  private final SecurityEvents security;
  private final Clock clock;

  public EnrolTotp(
      Accounts accounts,
      TotpFactors factors,
      TotpCodes codes,
      SecurityEvents security,
      Clock clock) {
    this.accounts = accounts;
    this.factors = factors;
    this.codes = codes;
    this.security = security;
    this.clock = clock;
  }

  /** {@code source} is the caller's address, for the security log. */
  public Enrolment enrol(UUID userId, String source) {
    Account account = accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
    String secret = codes.newSecret();
    if (!factors.enrol(userId, secret, clock.instant())) {
      throw new ConflictException("TOTP is already active on this account");
    }
    security.record(new SecurityEvent(Kind.MFA_ENROLLED, userId, source, "totp pending"));
    return new Enrolment(secret, codes.uri(account.email(), secret));
  }

  /** What the owner's authenticator app needs: the secret, and the same as a URI for a QR code. */
  public record Enrolment(String secret, String uri) {
    @Override
    public String toString() {
      return "Enrolment[]";
    }
  }
}
