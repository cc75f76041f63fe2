package shop.user.auth;

import java.util.Set;
import java.util.UUID;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.PasswordHasher;
import shop.user.account.PasswordPolicy;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.account.SecurityEvents;

/**
 * A signed-in user changes their password, proving they know the current one. Every session ends
 * (whoever else held one, perhaps the reason for the change) and the caller gets a new one. Wrong
 * current passwords count towards the login lockout: a stolen access token must not become a way to
 * guess the password without limit.
 */
public final class ChangePassword {
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final PasswordPolicy policy;
  private final LoginAttempts attempts;
  private final RefreshTokens refreshTokens;
  private final SessionIssuer sessions;
  private final SecurityEvents security;

  public ChangePassword(
      Accounts accounts,
      PasswordHasher passwords,
      PasswordPolicy policy,
      LoginAttempts attempts,
      RefreshTokens refreshTokens,
      SessionIssuer sessions,
      SecurityEvents security) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.policy = policy;
    this.attempts = attempts;
    this.refreshTokens = refreshTokens;
    this.sessions = sessions;
    this.security = security;
  }

  /** The caller's new session; 400 on {@code currentPassword} when it is wrong. */
  public Session change(Command command) {
    Account account =
        accounts.byId(command.userId()).orElseThrow(() -> NotFoundException.of("user"));
    boolean locked = attempts.claim(account.id(), sessions.now()).isEmpty();
    if (locked || !passwords.matches(command.currentPassword(), account.passwordHash())) {
      security.record(
          new SecurityEvent(
              Kind.PASSWORD_CHANGED,
              account.id(),
              command.source(),
              locked ? "locked" : "wrong-current-password"));
      throw new InvalidFieldException("currentPassword", "is not the account's password");
    }
    attempts.succeeded(account.id());
    policy.check("newPassword", command.newPassword(), account.email(), account.name());
    accounts.setPasswordHash(account.id(), passwords.hash(command.newPassword()));
    refreshTokens.endAll(account.id(), sessions.now());
    security.record(
        new SecurityEvent(Kind.PASSWORD_CHANGED, account.id(), command.source(), "changed"));
    // The new session proved the password only: staff log in again with their code to act as staff.
    return sessions.startFamily(account, Set.of(AccessClaims.PASSWORD));
  }

  /**
   * @param source the caller's address, for the security log
   */
  public record Command(UUID userId, String currentPassword, String newPassword, String source) {
    public Command {
      if (currentPassword == null || currentPassword.isEmpty()) {
        throw new InvalidFieldException("currentPassword", "is required");
      }
    }

    @Override
    public String toString() {
      return "ChangePassword.Command[userId=" + userId + "]";
    }
  }
}
