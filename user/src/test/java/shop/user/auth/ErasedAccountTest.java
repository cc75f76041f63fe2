package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import org.junit.jupiter.api.Test;
import shop.platform.domain.NotFoundException;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.fakes.InMemoryUserService;

/** What the account's own routes answer once the account is erased: 404, and nothing changes. */
class ErasedAccountTest {
  private static final String NEW_PASSWORD = "another quite unusual phrase";
  private static final String SOURCE = "198.51.100.7";

  private final InMemoryUserService s = new InMemoryUserService();
  private final Account ada = s.verified("ada@example.com");

  @Test
  void aPasswordChangeOfAnErasedAccountIsNotFound() {
    erase();

    assertThatThrownBy(
            () ->
                s.changePassword.change(
                    new ChangePassword.Command(ada.id(), PASSWORD, NEW_PASSWORD, SOURCE)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aResetLinkMailedBeforeTheErasureFindsNoAccount() {
    s.requestReset.request("ada@example.com", SOURCE);
    String token = s.mail.lastToken("reset-password", "ada@example.com");
    erase();

    assertThatThrownBy(() -> s.reset.reset(token, NEW_PASSWORD, SOURCE))
        .isInstanceOf(NotFoundException.class);
    assertThat(s.accounts.byEmail("ada@example.com")).isEmpty();
  }

  @Test
  void anErasedAccountCannotEnrolTotp() {
    erase();

    assertThatThrownBy(() -> s.enrolTotp.enrol(ada.id(), PASSWORD, SOURCE))
        .isInstanceOf(NotFoundException.class);
    assertThat(s.totpFactors.find(ada.id())).isEmpty();
  }

  @Test
  void anErasedAccountCannotBeGrantedARoleNorSentAnotherConfirmation() {
    Account bob = s.registered("bob@example.com");
    s.deleteAccount.delete(new DeleteAccount.Command(bob.id(), PASSWORD, SOURCE));
    erase();

    assertThatThrownBy(() -> s.grantRole.grant(ada.id(), "catalog", SOURCE))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> s.resendVerification.resend(bob.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aSessionOfAnErasedAccountIsRefusedAndItsFamilyRevoked() {
    Session session = s.logIn.logIn(s.credentials("ada@example.com", PASSWORD));
    erase();

    assertThatThrownBy(() -> s.refresh.refresh(session.refreshToken(), SOURCE))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(s.sessions.find(RefreshToken.hashOf(session.refreshToken())))
        .hasValueSatisfying(stored -> assertThat(stored.familyRevoked()).isTrue());
  }

  private void erase() {
    s.deleteAccount.delete(new DeleteAccount.Command(ada.id(), PASSWORD, SOURCE));
  }
}
