package shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.UnauthenticatedException;
import shop.user.fakes.InMemoryUserService;

class VerifyEmailTest {
  private final InMemoryUserService s = new InMemoryUserService();
  private final Account ada = s.registered("ada@example.com");
  private final String token = s.mail.lastToken("confirm-address", "ada@example.com");

  @Test
  void theMailedTokenVerifiesTheAddressOnce() {
    assertThat(s.verifyEmail.verify(token)).isEqualTo(ada.id());

    assertThat(s.accounts.byId(ada.id()).orElseThrow().emailVerified()).isTrue();
    assertThatThrownBy(() -> s.verifyEmail.verify(token))
        .isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void theTokenExpiresAfter24Hours() {
    s.clock.advance(Duration.ofHours(24));

    assertThatThrownBy(() -> s.verifyEmail.verify(token))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(s.accounts.byId(ada.id()).orElseThrow().emailVerified()).isFalse();
  }

  @Test
  void aPasswordResetTokenDoesNotVerify() {
    s.requestReset.request("ada@example.com", "198.51.100.7");
    String reset = s.mail.lastToken("reset-password", "ada@example.com");

    assertThatThrownBy(() -> s.verifyEmail.verify(reset))
        .isInstanceOf(UnauthenticatedException.class);
  }
}
