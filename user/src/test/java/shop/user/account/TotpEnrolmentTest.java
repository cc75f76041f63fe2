package shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.RejectedException;
import shop.user.account.SecurityEvent.Kind;
import shop.user.fakes.InMemoryUserService;

class TotpEnrolmentTest {
  private final InMemoryUserService s = new InMemoryUserService();
  private final Account ada = s.verified("ada@example.com");

  @Test
  void enrolmentReturnsTheSecretAndAnOtpauthUriAndIsPendingUntilConfirmed() {
    shop.user.auth.EnrolTotp.Enrolment enrolment =
        s.enrolTotp.enrol(ada.id(), InMemoryUserService.PASSWORD, "198.51.100.7");

    assertThat(enrolment.secret()).matches("[A-Z2-7]{32}");
    assertThat(enrolment.uri())
        .startsWith("otpauth://totp/Shop:ada%40example.com?secret=" + enrolment.secret());
    assertThat(s.secondFactor.isRequired(ada.id())).isFalse();

    s.confirmTotp.confirm(
        ada.id(), InMemoryUserService.codeAt(enrolment.secret(), s.clock.instant()), "test");

    assertThat(s.secondFactor.isRequired(ada.id())).isTrue();
    assertThat(s.security.kinds()).containsExactly(Kind.MFA_ENROLLED, Kind.MFA_ACTIVATED);
  }

  @Test
  void enrolmentTakesThePasswordAndAWrongOneCountsLikeAFailedLogin() {
    assertThatThrownBy(() -> s.enrolTotp.enrol(ada.id(), "not the password", "test"))
        .isInstanceOf(InvalidFieldException.class);

    assertThat(s.totpFactors.find(ada.id())).isEmpty();
    assertThat(s.sessions.failures(ada.id())).isEqualTo(1);
    assertThat(s.security.recorded)
        .containsExactly(new SecurityEvent(Kind.MFA_ENROLLED, ada.id(), "test", "wrong-password"));
  }

  @Test
  void aWrongCodeDoesNotActivateAndIsASecurityEvent() {
    shop.user.auth.EnrolTotp.Enrolment enrolment =
        s.enrolTotp.enrol(ada.id(), InMemoryUserService.PASSWORD, "test");
    String stale =
        InMemoryUserService.codeAt(enrolment.secret(), s.clock.instant().minusSeconds(90));

    assertThatThrownBy(() -> s.confirmTotp.confirm(ada.id(), stale, "test"))
        .isInstanceOf(RejectedException.class);
    assertThat(s.secondFactor.isRequired(ada.id())).isFalse();
    assertThat(s.security.kinds()).containsExactly(Kind.MFA_ENROLLED, Kind.MFA_ACTIVATION_FAILED);
  }

  @Test
  void anActiveFactorIsNeverReplacedNorItsSecretShownAgain() {
    s.withTotp(ada);

    assertThatThrownBy(() -> s.enrolTotp.enrol(ada.id(), InMemoryUserService.PASSWORD, "test"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> s.confirmTotp.confirm(ada.id(), "123456", "test"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aNewEnrolmentReplacesAPendingOne() {
    String first = s.enrolTotp.enrol(ada.id(), InMemoryUserService.PASSWORD, "test").secret();
    String second = s.enrolTotp.enrol(ada.id(), InMemoryUserService.PASSWORD, "test").secret();

    assertThatThrownBy(
            () ->
                s.confirmTotp.confirm(
                    ada.id(), InMemoryUserService.codeAt(first, s.clock.instant()), "test"))
        .isInstanceOf(RejectedException.class);
    s.confirmTotp.confirm(ada.id(), InMemoryUserService.codeAt(second, s.clock.instant()), "test");
    assertThat(s.secondFactor.isRequired(ada.id())).isTrue();
  }

  @Test
  void aCodeIsAcceptedOnceAndOneStepOfDriftEitherWay() {
    String secret = s.withTotp(ada);
    s.clock.advance(Duration.ofMinutes(5));

    String now = InMemoryUserService.codeAt(secret, s.clock.instant());
    String earlier = InMemoryUserService.codeAt(secret, s.clock.instant().minusSeconds(30));
    String later = InMemoryUserService.codeAt(secret, s.clock.instant().plusSeconds(30));

    assertThat(s.secondFactor.accepts(ada.id(), earlier)).isTrue();
    assertThat(s.secondFactor.accepts(ada.id(), earlier)).as("replayed").isFalse();
    assertThat(s.secondFactor.accepts(ada.id(), now)).isTrue();
    assertThat(s.secondFactor.accepts(ada.id(), now)).as("replayed").isFalse();
    assertThat(s.secondFactor.accepts(ada.id(), later)).isTrue();
    assertThat(s.secondFactor.accepts(ada.id(), now)).as("older than the last used").isFalse();
  }

  @Test
  void withoutAnActiveFactorOrACodeNothingIsAccepted() {
    String secret = s.withTotp(ada);
    Account bob = s.verified("bob@example.com");
    String code = InMemoryUserService.codeAt(secret, s.clock.instant().plusSeconds(30));

    assertThat(s.secondFactor.accepts(bob.id(), code)).isFalse();
    assertThat(s.secondFactor.accepts(ada.id(), null)).isFalse();
    assertThat(s.secondFactor.accepts(ada.id(), code)).isTrue();
  }
}
