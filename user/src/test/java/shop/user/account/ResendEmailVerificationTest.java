package shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.domain.TooManyAttemptsException;
import shop.user.fakes.InMemoryUserService;

class ResendEmailVerificationTest {
  private final InMemoryUserService s = new InMemoryUserService();

  @Test
  void mailsANewLinkOnceTheIntervalSinceTheLastMailHasPassed() {
    Account ada = s.registered("ada@example.com");
    s.clock.advance(Duration.ofMinutes(5));

    s.resendVerification.resend(ada.id());

    assertThat(s.mail.sent).filteredOn(m -> m.kind().equals("confirm-address")).hasSize(2);
    s.verifyEmail.verify(s.mail.lastToken("confirm-address", "ada@example.com"));
    assertThat(s.accounts.byId(ada.id()).orElseThrow().emailVerified()).isTrue();
  }

  @Test
  void refusesASecondMailWithinTheIntervalAndSaysWhenToRetry() {
    Account ada = s.registered("ada@example.com");
    s.clock.advance(Duration.ofMinutes(2));

    assertThatThrownBy(() -> s.resendVerification.resend(ada.id()))
        .isInstanceOfSatisfying(
            TooManyAttemptsException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(3)));
    assertThat(s.mail.sent).filteredOn(m -> m.kind().equals("confirm-address")).hasSize(1);
  }

  @Test
  void aConfirmedAddressGetsNoMoreMail() {
    Account ada = s.verified("ada@example.com");
    s.clock.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> s.resendVerification.resend(ada.id()))
        .isInstanceOf(ConflictException.class);
  }
}
