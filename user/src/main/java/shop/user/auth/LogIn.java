package shop.user.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.TooManyAttemptsException;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.PasswordHasher;

/**
 * Exchanges email and password for a session. An unknown email and a wrong password fail the same
 * way after the same amount of hashing, so a caller cannot learn which emails have accounts. An
 * account with too many recent failures is locked for a while. A password hashed with an older cost
 * is rehashed with the current one once it has matched: the only moment we know it.
 */
public final class LogIn {
  private static final System.Logger LOG = System.getLogger(LogIn.class.getName());
  private static final String FAILED = "the email or password is wrong";

  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final LoginFailures failures;
  private final SessionIssuer sessions;
  private final Clock clock;
  private volatile String dummyHash;

  public LogIn(
      Accounts accounts,
      PasswordHasher passwords,
      LoginFailures failures,
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.failures = failures;
    this.sessions = new SessionIssuer(accessTokens, refreshTokens, clock);
    this.clock = clock;
  }

  public Session logIn(Command command) {
    Optional<Account> found = accounts.byEmail(command.email());
    if (found.isEmpty()) {
      passwords.matches(command.password(), dummyHash());
      throw new UnauthenticatedException(FAILED);
    }
    Account account = found.get();
    Instant now = clock.instant();
    Optional<java.time.Duration> locked =
        Lockout.retryAfter(failures.since(account.id(), Lockout.windowStart(now)), now);
    if (locked.isPresent()) {
      throw new TooManyAttemptsException("too many failed attempts", locked.get());
    }
    if (!passwords.matches(command.password(), account.passwordHash())) {
      failures.record(account.id(), now);
      throw new UnauthenticatedException(FAILED);
    }
    failures.clear(account.id());
    if (passwords.needsRehash(account.passwordHash())) {
      rehash(account, command.password());
    }
    return sessions.startFamily(account);
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

  /** Credentials; the email is normalised like at registration. */
  public record Command(String email, String password) {
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
