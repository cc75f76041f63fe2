package shop.user.account;

import java.util.Optional;
import shop.platform.domain.Fields;
import shop.platform.domain.NotFoundException;

/**
 * Makes sure an admin exists: grants admin to the account with {@code email}, registering it first
 * (with {@code password}) when there is none. Idempotent, so the local cloud can call it at every
 * start and an operator can run it once in the cloud.
 */
public final class SeedAdmin {
  private final Accounts accounts;
  private final RegisterUser register;

  public SeedAdmin(Accounts accounts, RegisterUser register) {
    this.accounts = accounts;
    this.register = register;
  }

  /** The admin's account. {@code password} and {@code name} are only needed to register. */
  public Account seed(String email, String name, String password) {
    String normalised = Fields.email("email", email);
    Optional<Account> existing = accounts.byEmail(normalised);
    Account account;
    if (existing.isPresent()) {
      account = existing.get();
    } else if (password == null) {
      throw NotFoundException.of("user");
    } else {
      account = register.register(new RegisterUser.Command(normalised, password, name, null));
    }
    accounts.grantRole(account.id(), Roles.ADMIN);
    return accounts.byId(account.id()).orElseThrow();
  }
}
