package shop.user.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import shop.platform.domain.Fields;

/**
 * Opens a customer account, announces it (UserRegistered) and mails its address a link to confirm
 * it. A taken address answers exactly like a free one, after the same hashing, so registration does
 * not tell strangers who has an account; the address's owner is told by mail instead.
 */
public final class RegisterUser {
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final PasswordPolicy policy;
  private final SendEmailVerification verification;
  private final AccountMail mail;
  private final Clock clock;

  public RegisterUser(
      Accounts accounts,
      PasswordHasher passwords,
      PasswordPolicy policy,
      SendEmailVerification verification,
      AccountMail mail,
      Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.policy = policy;
    this.verification = verification;
    this.mail = mail;
    this.clock = clock;
  }

  /** What the caller may be told: the same whether or not the address was free. */
  public Registered register(Command command) {
    policy.check("password", command.password(), command.email(), command.name());
    Instant now = clock.instant();
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
            now,
            null);
    if (accounts.register(account, Registration.of(account))) {
      verification.send(account);
    } else {
      accounts.byEmail(command.email()).ifPresent(owner -> mail.registrationAttempted(owner, now));
    }
    return new Registered(command.email(), command.name());
  }

  /** The answer to a registration, which must not say whether the address was taken. */
  public record Registered(String email, String name) {}

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
