package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.fakes.InMemoryUserService;

class SecondFactorLogInTest {
  private static final String EMAIL = "ada@example.com";
  private final InMemoryUserService s = new InMemoryUserService();
  private final Account ada = s.verified(EMAIL);

  @Test
  void aPasswordLoginCarriesPwdOnly() {
    s.logIn.logIn(s.credentials(EMAIL, PASSWORD));

    assertThat(s.accessTokens.last().amr()).containsExactly(AccessClaims.PASSWORD);
  }

  @Test
  void withTotpTheLoginNeedsTheCodeAndCarriesPwdAndOtp() {
    String secret = s.withTotp(ada);
    s.clock.advance(Duration.ofMinutes(1));

    s.logIn.logIn(s.credentials(EMAIL, PASSWORD, code(secret)));

    assertThat(s.accessTokens.last().amr())
        .containsExactlyInAnyOrder(AccessClaims.PASSWORD, AccessClaims.ONE_TIME_CODE);
  }

  @Test
  void aMissingOrWrongCodeFailsLikeAWrongPasswordAndIsLogged() {
    String secret = s.withTotp(ada);
    String wrongPassword = failure(s.credentials(EMAIL, "not the password", code(secret)));
    String missing = failure(s.credentials(EMAIL, PASSWORD));
    String wrong = failure(s.credentials(EMAIL, PASSWORD, notTheCode(secret)));

    assertThat(missing).isEqualTo(wrongPassword);
    assertThat(wrong).isEqualTo(wrongPassword);
    assertThat(s.security.recorded)
        .extracting(SecurityEvent::outcome)
        .containsExactly("wrong-password", "missing-otp", "wrong-otp");
    assertThat(s.sessions.failures(ada.id())).isEqualTo(3);
  }

  @Test
  void wrongCodesCountTowardsTheLockout() {
    String secret = s.withTotp(ada);
    for (int i = 0; i < 5; i++) {
      failure(s.credentials(EMAIL, PASSWORD));
    }
    s.clock.advance(Duration.ofSeconds(31));

    // The right password and a fresh code: the account is locked all the same.
    failure(s.credentials(EMAIL, PASSWORD, code(secret)));

    assertThat(s.security.kinds()).contains(Kind.ACCOUNT_LOCKED);
    assertThat(s.sessions.failures(ada.id())).isEqualTo(5);
  }

  @Test
  void aCodeUsedForOneLoginIsRefusedForTheNext() {
    String secret = s.withTotp(ada);
    s.clock.advance(Duration.ofMinutes(1));
    String code = code(secret);
    s.logIn.logIn(s.credentials(EMAIL, PASSWORD, code));

    failure(s.credentials(EMAIL, PASSWORD, code));

    assertThat(s.security.recorded).extracting(SecurityEvent::outcome).containsExactly("wrong-otp");
  }

  @Test
  void aRefreshKeepsTheAmrOfTheLogin() {
    String secret = s.withTotp(ada);
    s.clock.advance(Duration.ofMinutes(1));
    Session withCode = s.logIn.logIn(s.credentials(EMAIL, PASSWORD, code(secret)));
    s.verified("bob@example.com");
    Session withPassword = s.logIn.logIn(s.credentials("bob@example.com", PASSWORD));

    s.refresh.refresh(withCode.refreshToken(), "test");
    assertThat(s.accessTokens.last().amr())
        .containsExactlyInAnyOrder(AccessClaims.PASSWORD, AccessClaims.ONE_TIME_CODE);
    s.refresh.refresh(withPassword.refreshToken(), "test");
    assertThat(s.accessTokens.last().amr()).containsExactly(AccessClaims.PASSWORD);
  }

  private String notTheCode(String secret) {
    return "000000".equals(code(secret)) ? "111111" : "000000";
  }

  private String code(String secret) {
    return InMemoryUserService.codeAt(secret, s.clock.instant());
  }

  private String failure(LogIn.Command command) {
    try {
      s.logIn.logIn(command);
    } catch (UnauthenticatedException e) {
      return e.getMessage();
    }
    throw new AssertionError("the login succeeded");
  }
}
