package shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.user.fakes.InMemoryUserService;
import shop.user.fakes.RecordingMail.Mail;

class RegisterUserTest {
  private final InMemoryUserService s = new InMemoryUserService();

  @Test
  void normalisesTheEmailHashesThePasswordAndAnnouncesTheAccount() {
    s.register.register(
        new RegisterUser.Command(
            "  Ada@Example.COM ", "a long and unusual passphrase", "Ada", "+447700900123"));

    Account account = s.accounts.byEmail("ada@example.com").orElseThrow();
    assertThat(account.passwordHash()).isEqualTo("plain:a long and unusual passphrase");
    assertThat(account.roles()).containsExactly(Roles.CUSTOMER);
    assertThat(account.emailVerified()).isFalse();
    assertThat(s.accounts.published)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.userId()).isEqualTo(account.id());
              assertThat(r.email()).isEqualTo("ada@example.com");
              assertThat(r.phone()).isEqualTo("+447700900123");
            });
  }

  @Test
  void mailsTheNewAddressAConfirmationLinkValidFor24Hours() {
    s.registered("ada@example.com");

    assertThat(s.mail.sent)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo("confirm-address");
              assertThat(m.email()).isEqualTo("ada@example.com");
              assertThat(m.token()).hasSizeGreaterThanOrEqualTo(43);
              assertThat(m.expiresAt()).isEqualTo(s.clock.instant().plusSeconds(24 * 3600));
            });
  }

  @Test
  void aTakenAddressAnswersLikeAFreeOneAfterTheSameHashingAndTellsItsOwner() {
    Account ada = s.registered("ada@example.com");
    int hashesBefore = s.passwords.hashes.get();

    RegisterUser.Registered again = s.register.register(command("ADA@example.com "));

    RegisterUser.Registered free = s.register.register(command("someone-else@example.com"));

    // Both echo what was sent, and nothing else.
    assertThat(again).isEqualTo(new RegisterUser.Registered("ada@example.com", "Ada"));
    assertThat(free).isEqualTo(new RegisterUser.Registered("someone-else@example.com", "Ada"));
    assertThat(s.passwords.hashes.get() - hashesBefore).isEqualTo(2);
    assertThat(s.accounts.byEmail("ada@example.com").orElseThrow()).isEqualTo(ada);
    assertThat(s.mail.sent.stream().map(Mail::kind).toList())
        .containsExactly("confirm-address", "registration-attempted", "confirm-address");
    assertThat(s.mail.sent.get(1).email()).isEqualTo("ada@example.com");
    assertThat(s.accounts.published).hasSize(2);
  }

  @Test
  void refusesGuessablePasswordsSayingWhyBeforeHashing() {
    for (String weak :
        List.of(
            "short pass", "Password1234", "qwertyuiop123", "ada@example.com1", "abcabcabcabc")) {
      assertThatThrownBy(
              () ->
                  s.register.register(
                      new RegisterUser.Command("ada@example.com", weak, "Ada", null)))
          .isInstanceOfSatisfying(
              InvalidFieldException.class,
              e -> {
                assertThat(e.field()).isEqualTo("password");
                assertThat(e.getMessage()).isNotBlank();
              });
    }
    assertThat(s.passwords.hashes).hasValue(0);
    assertThat(s.accounts.published).isEmpty();
  }

  @Test
  void aRefusedPasswordQuotesTheEstimatesFeedback() {
    assertThatThrownBy(
            () ->
                s.register.register(
                    new RegisterUser.Command("b@example.com", "abcabcabcabc", "B", null)))
        .hasMessageContaining("Repeats like");
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
