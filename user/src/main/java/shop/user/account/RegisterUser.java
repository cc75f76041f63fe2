package shop.user.account;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import shop.platform.domain.Fields;

/** Opens a customer account and announces it (UserRegistered). */
public final class RegisterUser {
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final PasswordPolicy policy;
  private final Clock clock;

  public RegisterUser(
      Accounts accounts, PasswordHasher passwords, PasswordPolicy policy, Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.policy = policy;
    this.clock = clock;
  }

  /** The new account; a {@code CONFLICT} when the email is already registered. */
  public Account register(Command command) {
    policy.check(command.password());
    Account account =
        new Account(
            UUID.randomUUID(),
            command.email(),
            passwords.hash(command.password()),
            command.name(),
            command.phone(),
            false,
            Set.of(Roles.CUSTOMER),
            null,
            clock.instant());
    accounts.register(account, Registration.of(account));
    return account;
  }

  /** A registration request; email is normalised and phone checked on construction. */
  public record Command(String email, String password, String name, String phone) {
    public Command {
      email = Fields.email("email", email);
      name = Fields.text("name", name, 200);
      phone = Fields.phone("phone", phone);
    }

    @Override
    public String toString() {
      return "RegisterUser.Command[email=" + email + "]";
    }
  }
}
