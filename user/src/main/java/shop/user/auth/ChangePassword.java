package shop.user.auth;

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
 * (whoever else held one, perhaps the reason for the change) and the caller gets a new one.
 */
public final class ChangePassword {
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final PasswordPolicy policy;
  private final RefreshTokens refreshTokens;
  private final SessionIssuer sessions;
  private final SecurityEvents security;

  public ChangePassword(
      Accounts accounts,
      PasswordHasher passwords,
      PasswordPolicy policy,
      RefreshTokens refreshTokens,
      SessionIssuer sessions,
      SecurityEvents security) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.policy = policy;
    this.refreshTokens = refreshTokens;
    this.sessions = sessions;
    this.security = security;
  }

  /** The caller's new session; 400 on {@code currentPassword} when it is wrong. */
  public Session change(Command command) {
    Account account =
        accounts.byId(command.userId()).orElseThrow(() -> NotFoundException.of("user"));
    if (!passwords.matches(command.currentPassword(), account.passwordHash())) {
      security.record(
          new SecurityEvent(
              Kind.PASSWORD_CHANGED, account.id(), command.source(), "wrong-current-password"));
      throw new InvalidFieldException("currentPassword", "is not the account's password");
    }
    policy.check("newPassword", command.newPassword(), account.email(), account.name());
    accounts.setPasswordHash(account.id(), passwords.hash(command.newPassword()));
    refreshTokens.endAll(account.id(), sessions.now());
    security.record(
        new SecurityEvent(Kind.PASSWORD_CHANGED, account.id(), command.source(), "changed"));
    return sessions.startFamily(account);
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
