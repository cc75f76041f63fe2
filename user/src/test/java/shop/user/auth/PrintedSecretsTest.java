package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a log line or exception message shows of the auth values: who, never a secret. */
class PrintedSecretsTest {
  private static final String PASSPHRASE = "a long and unusual passphrase";
  private static final UUID ADA = UUID.randomUUID();

  @Test
  void commandsPrintWhoButNotThePasswords() {
    assertThat(
            new LogIn.Command("ada@example.com", PASSPHRASE, "123456", "198.51.100.7").toString())
        .isEqualTo("LogIn.Command[email=ada@example.com]");
    assertThat(new ChangePassword.Command(ADA, PASSPHRASE, "another phrase", "test").toString())
        .isEqualTo("ChangePassword.Command[userId=" + ADA + "]");
    assertThat(new DeleteAccount.Command(ADA, PASSPHRASE, "test").toString())
        .isEqualTo("DeleteAccount.Command[userId=" + ADA + "]");
  }

  @Test
  void sessionsAndTokensPrintNoTokenValue() {
    RefreshToken refresh = RefreshToken.generate();

    assertThat(refresh.toString())
        .isEqualTo("RefreshToken[hash=" + refresh.hash().substring(0, 8) + "...]");
    assertThat(new Session("access", refresh.value(), 900).toString())
        .isEqualTo("Session[expiresIn=900]");
    assertThat(new EnrolTotp.Enrolment("JBSWY3DPEHPK3PXP", "otpauth://totp/x").toString())
        .isEqualTo("Enrolment[]");
  }
}
