package shop.user.auth;

import java.time.Clock;
import java.util.UUID;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.PasswordHasher;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.account.SecurityEvents;
import shop.user.payment.PaymentGateway;

/**
 * A customer erases their account, proving they know the password (a stolen access token alone must
 * not erase anyone; wrong passwords count towards the login lockout). The Stripe customer goes
 * first: should that fail, nothing is deleted and the customer can try again, whereas the other
 * order would leave a Stripe customer nobody could find. Then the account and everything kept with
 * it go in one transaction, sessions included, with the {@code UserDeleted} event for the services
 * that keep something about the customer (orders, the send ledger).
 */
public final class DeleteAccount {
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final LoginAttempts attempts;
  private final PaymentGateway gateway;
  private final SecurityEvents security;
  private final Clock clock;

  public DeleteAccount(
      Accounts accounts,
      PasswordHasher passwords,
      LoginAttempts attempts,
      PaymentGateway gateway,
      SecurityEvents security,
      Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.attempts = attempts;
    this.gateway = gateway;
    this.security = security;
    this.clock = clock;
  }

  /** Erases the account; 400 on {@code password} when it is wrong, 404 when it is gone already. */
  public void delete(Command command) {
    Account account =
        accounts.byId(command.userId()).orElseThrow(() -> NotFoundException.of("user"));
    boolean locked = attempts.claim(account.id(), clock.instant()).isEmpty();
    if (locked || !passwords.matches(command.password(), account.passwordHash())) {
      security.record(
          new SecurityEvent(
              Kind.ACCOUNT_DELETED,
              account.id(),
              command.source(),
              locked ? "locked" : "wrong-password"));
      throw new InvalidFieldException("password", "is not the account's password");
    }
    attempts.succeeded(account.id());
    if (account.stripeCustomerId() != null) {
      gateway.deleteCustomer(account.stripeCustomerId());
    }
    if (!accounts.erase(account.id(), clock.instant())) {
      throw NotFoundException.of("user");
    }
    security.record(
        new SecurityEvent(Kind.ACCOUNT_DELETED, account.id(), command.source(), "deleted"));
  }

  /**
   * @param source the caller's address, for the security log
   */
  public record Command(UUID userId, String password, String source) {
    public Command {
      if (password == null || password.isEmpty()) {
        throw new InvalidFieldException("password", "is required");
      }
    }

    @Override
    public String toString() {
      return "DeleteAccount.Command[userId=" + userId + "]";
    }
  }
}
