package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.user.account.Account;
import shop.user.account.SecurityEvent;
import shop.user.fakes.InMemoryUserService;

class ChangePasswordRefusalsTest {
  private static final String NEW_PASSWORD = "another quite unusual phrase";
  private static final String SOURCE = "198.51.100.7";

  private final InMemoryUserService s = new InMemoryUserService();
  private final Account ada = s.registered("ada@example.com");

  @Test
  void eachRefusalIsASecurityEventSayingWhy() {
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> change("wrong")).isInstanceOf(InvalidFieldException.class);
    }

    assertThat(s.security.recorded)
        .extracting(SecurityEvent::outcome)
        .containsExactly(
            "wrong-current-password",
            "wrong-current-password",
            "wrong-current-password",
            "wrong-current-password",
            "wrong-current-password",
            "locked");
  }

  @Test
  void theRightCurrentPasswordForgetsEarlierFailures() {
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> change("wrong")).isInstanceOf(InvalidFieldException.class);
    }
    change(PASSWORD);
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> change("wrong")).isInstanceOf(InvalidFieldException.class);
    }

    assertThat(s.logIn.logIn(s.credentials("ada@example.com", NEW_PASSWORD))).isNotNull();
  }

  private Session change(String current) {
    return s.changePassword.change(
        new ChangePassword.Command(ada.id(), current, NEW_PASSWORD, SOURCE));
  }
}
