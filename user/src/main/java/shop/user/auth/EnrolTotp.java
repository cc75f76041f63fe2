package shop.user.auth;

import java.time.Clock;
import java.util.UUID;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.PasswordHasher;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.account.SecurityEvents;
import shop.user.account.TotpCodes;
import shop.user.account.TotpFactors;

/**
 * Starts TOTP enrolment: a new secret, pending until {@link ConfirmTotp} sees a code made from it.
 * The secret is returned here and never again. It takes the account's password, checked and counted
 * like a login's: whoever holds a stolen access token could otherwise put their own factor on an
 * account without one and lock its owner out. An active factor is never replaced, for the same
 * reason.
 */
public final class EnrolTotp {
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final LoginAttempts attempts;
  private final TotpFactors factors;
  private final TotpCodes codes;
  private final SecurityEvents security;
  private final Clock clock;

  public EnrolTotp(
      Accounts accounts,
      PasswordHasher passwords,
      LoginAttempts attempts,
      TotpFactors factors,
      TotpCodes codes,
      SecurityEvents security,
      Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.attempts = attempts;
    this.factors = factors;
    this.codes = codes;
    this.security = security;
    this.clock = clock;
  }

  /**
   * {@code source} is the caller's address, for the security log; 400 on {@code password} when it
   * is wrong.
   */
  public Enrolment enrol(UUID userId, String password, String source) {
    Account account = accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
    boolean locked = attempts.claim(userId, clock.instant()).isEmpty();
    if (locked || password == null || !passwords.matches(password, account.passwordHash())) {
      security.record(
          new SecurityEvent(
              Kind.MFA_ENROLLED, userId, source, locked ? "locked" : "wrong-password"));
      throw new InvalidFieldException("password", "is not the account's password");
    }
    attempts.succeeded(userId);
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
