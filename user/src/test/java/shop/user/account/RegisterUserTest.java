package shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
import shop.user.fakes.InMemoryAccounts;
import shop.user.fakes.MutableClock;
import shop.user.fakes.PlainPasswords;

class RegisterUserTest {
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final PlainPasswords passwords = new PlainPasswords();
  private final RegisterUser register =
      new RegisterUser(
          accounts, passwords, PasswordPolicy.standard(), MutableClock.at("2026-11-24T09:00:00Z"));

  @Test
  void normalisesTheEmailHashesThePasswordAndAnnouncesTheAccount() {
    Account account =
        register.register(
            new RegisterUser.Command(
                "  Ada@Example.COM ", "a long and unusual passphrase", "Ada", "+447700900123"));

    assertThat(account.email()).isEqualTo("ada@example.com");
    assertThat(account.passwordHash()).isEqualTo("plain:a long and unusual passphrase");
    assertThat(account.roles()).containsExactly(Roles.CUSTOMER);
    assertThat(accounts.published)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.userId()).isEqualTo(account.id());
              assertThat(r.email()).isEqualTo("ada@example.com");
              assertThat(r.phone()).isEqualTo("+447700900123");
            });
  }

  @Test
  void refusesATakenEmailWhateverItsCase() {
    register.register(command("ada@example.com"));

    assertThatThrownBy(() -> register.register(command("ADA@example.com ")))
        .isInstanceOf(ConflictException.class);
    assertThat(accounts.published).hasSize(1);
  }

  @Test
  void refusesShortAndCommonPasswordsBeforeHashing() {
    for (String weak : Set.of("short pass", "Password1234", "qwertyuiop123")) {
      assertThatThrownBy(
              () -> register.register(new RegisterUser.Command("b@example.com", weak, "B", null)))
          .isInstanceOfSatisfying(
              InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }
    assertThat(passwords.hashes).hasValue(0);
    assertThat(accounts.published).isEmpty();
  }

  @Test
  void refusesAPhoneNumberThatIsNotE164() {
    assertThatThrownBy(
            () ->
                new RegisterUser.Command(
                    "c@example.com", "a long and unusual passphrase", "C", "07700 900123"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("phone"));
  }

  @Test
  void commandsDoNotPrintThePassword() {
    assertThat(command("d@example.com").toString()).doesNotContain("passphrase");
  }

  private static RegisterUser.Command command(String email) {
    return new RegisterUser.Command(email, "a long and unusual passphrase", "Ada", null);
  }
}
