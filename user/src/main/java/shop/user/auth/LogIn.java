package shop.user.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.PasswordHasher;
import shop.user.account.SecondFactor;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.account.SecurityEvents;

/**
 * Exchanges email and password for a session. An unknown email, a wrong password and a locked
 * account fail the same way after the same amount of hashing (a dummy hash stands in for the
 * missing or locked one), so a caller learns neither which emails have accounts nor which are
 * locked. A password hashed with an older cost is rehashed with the current one once it has
 * matched: the only moment we know it.
 *
 * <p>An account with an active TOTP factor also needs the current one-time code: a missing or wrong
 * code fails like a wrong password and counts towards the lockout, so the code cannot be guessed
 * faster than the password. The session's {@code amr} says which factors were checked.
 */
public final class LogIn {
  private static final System.Logger LOG = System.getLogger(LogIn.class.getName());
  private static final String FAILED = "the email or password is wrong";

  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final LoginAttempts attempts;
  private final Lockout lockout;
  private final SecondFactor secondFactor;
  private final SessionIssuer sessions;
  private final SecurityEvents security;
  private volatile String dummyHash;

  public LogIn(
      Accounts accounts,
      PasswordHasher passwords,
      LoginAttempts attempts,
      Lockout lockout,
      SecondFactor secondFactor,
      SessionIssuer sessions,
      SecurityEvents security) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.attempts = attempts;
    this.lockout = lockout;
    this.secondFactor = secondFactor;
    this.sessions = sessions;
    this.security = security;
  }

  public Session logIn(Command command) {
    Optional<Account> found = accounts.byEmail(command.email());
    if (found.isEmpty()) {
      passwords.matches(command.password(), dummyHash());
      security.record(new SecurityEvent(Kind.LOGIN_FAILED, null, command.source(), "no-account"));
      throw new UnauthenticatedException(FAILED);
    }
    Account account = found.get();
    OptionalInt failures = attempts.claim(account.id(), sessions.now());
    if (failures.isEmpty()) {
      passwords.matches(command.password(), dummyHash());
      security.record(
          new SecurityEvent(Kind.LOGIN_FAILED, account.id(), command.source(), "locked"));
      throw new UnauthenticatedException(FAILED);
    }
    if (!passwords.matches(command.password(), account.passwordHash())) {
      throw failed(account, failures.getAsInt(), command.source(), "wrong-password");
    }
    Set<String> amr = Set.of(AccessClaims.PASSWORD);
    if (secondFactor.isRequired(account.id())) {
      if (command.otp() == null) {
        throw failed(account, failures.getAsInt(), command.source(), "missing-otp");
      }
      if (!secondFactor.accepts(account.id(), command.otp())) {
        throw failed(account, failures.getAsInt(), command.source(), "wrong-otp");
      }
      amr = Set.of(AccessClaims.PASSWORD, AccessClaims.ONE_TIME_CODE);
    }
    attempts.succeeded(account.id());
    if (passwords.needsRehash(account.passwordHash())) {
      rehash(account, command.password());
    }
    return sessions.startFamily(account, amr);
  }

  // The attempt was already counted as a failure (LoginAttempts.claim); this logs it and the lock
  // it may have started.
  private UnauthenticatedException failed(
      Account account, int failures, String source, String outcome) {
    security.record(new SecurityEvent(Kind.LOGIN_FAILED, account.id(), source, outcome));
    Duration lock = lockout.lockAfter(failures);
    if (lock.isPositive()) {
      security.record(
          new SecurityEvent(Kind.ACCOUNT_LOCKED, account.id(), source, "locked for " + lock));
    }
    return new UnauthenticatedException(FAILED);
  }

  // Best effort: the login succeeds either way, and the next one tries again. Compare-and-set, so
  // a password changed in the meantime is never overwritten with the old one.
  private void rehash(Account account, String password) {
    try {
      accounts.replacePasswordHash(account.id(), account.passwordHash(), passwords.hash(password));
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "rehashing the password of account " + account.id() + " failed; the next login retries",
          e);
    }
  }

  // Made on first need, with the same hasher and cost as real hashes, so that checking it takes as
  // long as checking a real one.
  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      hash = passwords.hash("not-a-real-password-" + System.nanoTime());
      dummyHash = hash;
    }
    return hash;
  }

  /**
   * Credentials; the email is normalised like at registration.
   *
   * @param otp the current code of the account's TOTP factor; null when the account has none
   * @param source the caller's address, for the security log
   */
  public record Command(String email, String password, String otp, String source) {
    /** Credentials of an account without TOTP. */
    public Command(String email, String password, String source) {
      this(email, password, null, source);
    }

    public Command {
      email = Fields.email("email", email);
      if (password == null || password.isEmpty()) {
        throw new InvalidFieldException("password", "is required");
      }
    }

    @Override
    public String toString() {
      return "LogIn.Command[email=" + email + "]";
    }
  }
}
