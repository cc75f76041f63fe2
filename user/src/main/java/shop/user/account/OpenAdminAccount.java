package shop.user.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import shop.platform.domain.Fields;

/**
 * Opens an admin account at an address its operator vouches for, with no mail sent: the local
 * cloud's demo admin, whose mailbox is the developer's own and whose TOTP secret the developer's
 * tools read. No HTTP route and no cloud function reaches it; the cloud's first admin registers
 * like anyone, verifies the address, enrols TOTP and is then made admin by id ({@link SeedAdmin}).
 * Idempotent: an existing account at the address is marked verified, given the secret and every
 * staff role.
 */
public final class OpenAdminAccount {
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final PasswordPolicy policy;
  private final TotpFactors factors;
  private final Clock clock;

  public OpenAdminAccount(
      Accounts accounts,
      PasswordHasher passwords,
      PasswordPolicy policy,
      TotpFactors factors,
      Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.policy = policy;
    this.factors = factors;
    this.clock = clock;
  }

  public Account open(String email, String name, String password, String totpSecret) {
    String normalised = Fields.email("email", email);
    Instant now = clock.instant();
    if (accounts.byEmail(normalised).isEmpty()) {
      policy.check("password", password, normalised, name);
      Account account =
          new Account(
              UUID.randomUUID(),
              normalised,
              passwords.hash(password),
              Fields.text("name", name, 200),
              null,
              false,
              Set.of(Roles.CUSTOMER),
              null,
              now,
              now);
      accounts.register(account, Registration.of(account));
    }
    Account account = accounts.byEmail(normalised).orElseThrow();
    accounts.markEmailVerified(account.id(), now);
    factors.replaceActive(account.id(), totpSecret, now);
    Roles.GRANTABLE.forEach(role -> accounts.grantRole(account.id(), role));
    return accounts.byId(account.id()).orElseThrow();
  }
}
