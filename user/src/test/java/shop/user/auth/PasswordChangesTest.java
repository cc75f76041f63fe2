package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.SecurityEvent.Kind;
import shop.user.fakes.InMemoryUserService;

class PasswordChangesTest {
  private static final String NEW_PASSWORD = "another quite unusual phrase";
  private static final String SOURCE = "198.51.100.7";

  private final InMemoryUserService s = new InMemoryUserService();
  private final Account ada = s.registered("ada@example.com");

  @Test
  void changingThePasswordEndsEverySessionAndStartsANewOne() {
    Session other = login(PASSWORD);

    Session fresh =
        s.changePassword.change(
            new ChangePassword.Command(ada.id(), PASSWORD, NEW_PASSWORD, SOURCE));

    assertRefused(other);
    assertThat(s.refresh.refresh(fresh.refreshToken(), SOURCE)).isNotNull();
    assertThat(login(NEW_PASSWORD)).isNotNull();
    assertThat(s.security.kinds()).containsExactly(Kind.PASSWORD_CHANGED);
  }

  @Test
  void changingNeedsTheCurrentPasswordAndAStrongNewOne() {
    assertThatThrownBy(
            () ->
                s.changePassword.change(
                    new ChangePassword.Command(ada.id(), "not it", NEW_PASSWORD, SOURCE)))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));
    assertThatThrownBy(
            () ->
                s.changePassword.change(
                    new ChangePassword.Command(ada.id(), PASSWORD, "Password1234", SOURCE)))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("newPassword"));
    assertThat(login(PASSWORD)).isNotNull();
  }

  @Test
  void wrongCurrentPasswordsCountTowardsTheLockout() {
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> change("wrong " + Math.random(), NEW_PASSWORD))
          .isInstanceOf(InvalidFieldException.class);
    }
    int checks = s.passwords.checks.get();

    assertThatThrownBy(() -> change(PASSWORD, NEW_PASSWORD))
        .isInstanceOf(InvalidFieldException.class);
    assertThat(s.passwords.checks.get()).isEqualTo(checks);
    assertThatThrownBy(() -> login(PASSWORD)).isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void aResetLiftsTheLockout() {
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> login("wrong " + Math.random()))
          .isInstanceOf(UnauthenticatedException.class);
    }
    s.requestReset.request("ada@example.com", SOURCE);

    s.reset.reset(s.mail.lastToken("reset-password", "ada@example.com"), NEW_PASSWORD, SOURCE);

    assertThat(login(NEW_PASSWORD)).isNotNull();
  }

  @Test
  void aResetLinkSetsTheNewPasswordOnceAndEndsEverySession() {
    Session before = login(PASSWORD);
    s.requestReset.request("ada@example.com", SOURCE);
    String token = s.mail.lastToken("reset-password", "ada@example.com");

    s.reset.reset(token, NEW_PASSWORD, SOURCE);

    assertRefused(before);
    assertThat(login(NEW_PASSWORD)).isNotNull();
    assertThatThrownBy(() -> s.reset.reset(token, "yet another unusual phrase", SOURCE))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(s.security.kinds()).containsExactly(Kind.PASSWORD_RESET, Kind.PASSWORD_RESET);
  }

  @Test
  void aResetLinkExpiresAfter30Minutes() {
    s.requestReset.request("ada@example.com", SOURCE);
    String token = s.mail.lastToken("reset-password", "ada@example.com");
    s.clock.advance(Duration.ofMinutes(30));

    assertThatThrownBy(() -> s.reset.reset(token, NEW_PASSWORD, SOURCE))
        .isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void aWeakNewPasswordDoesNotSpendTheResetLink() {
    s.requestReset.request("ada@example.com", SOURCE);
    String token = s.mail.lastToken("reset-password", "ada@example.com");

    assertThatThrownBy(() -> s.reset.reset(token, "Password1234", SOURCE))
        .isInstanceOf(InvalidFieldException.class);
    s.reset.reset(token, NEW_PASSWORD, SOURCE);

    assertThat(login(NEW_PASSWORD)).isNotNull();
  }

  @Test
  void aResetRequestForAnUnknownAddressSendsNothing() {
    int before = s.mail.sent.size();

    s.requestReset.request("nobody@example.com", SOURCE);

    assertThat(s.mail.sent).hasSize(before);
  }

  private Session change(String current, String next) {
    return s.changePassword.change(new ChangePassword.Command(ada.id(), current, next, SOURCE));
  }

  private Session login(String password) {
    return s.logIn.logIn(s.credentials("ada@example.com", password));
  }

  private void assertRefused(Session session) {
    assertThatThrownBy(() -> s.refresh.refresh(session.refreshToken(), SOURCE))
        .isInstanceOf(UnauthenticatedException.class);
  }
}
