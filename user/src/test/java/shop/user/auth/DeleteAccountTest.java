package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.platform.domain.UnavailableException;
import shop.user.account.Account;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.fakes.InMemoryUserService;

class DeleteAccountTest {
  private static final String SOURCE = "198.51.100.7";

  private final InMemoryUserService s = new InMemoryUserService();
  private final Account ada = s.registered("ada@example.com");

  @Test
  void erasesTheAccountAndItsStripeCustomer() {
    s.accounts.linkStripeCustomer(ada.id(), "cus_ada");

    s.deleteAccount.delete(new DeleteAccount.Command(ada.id(), PASSWORD, SOURCE));

    assertThat(s.accounts.byId(ada.id())).isEmpty();
    assertThat(s.accounts.erased).containsExactly(ada.id());
    assertThat(s.gateway.customersDeleted).containsExactly("cus_ada");
    assertThat(s.security.kinds()).containsExactly(Kind.ACCOUNT_DELETED);
  }

  @Test
  void anAccountWithoutAStripeCustomerCallsNoProvider() {
    s.deleteAccount.delete(new DeleteAccount.Command(ada.id(), PASSWORD, SOURCE));

    assertThat(s.gateway.customersDeleted).isEmpty();
    assertThat(s.accounts.erased).containsExactly(ada.id());
  }

  @Test
  void aWrongPasswordErasesNothingAndCountsTowardsTheLockout() {
    for (int i = 0; i < 5; i++) {
      String guess = "wrong " + i;
      assertThatThrownBy(() -> delete(guess))
          .isInstanceOfSatisfying(
              InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }
    int checks = s.passwords.checks.get();

    assertThatThrownBy(() -> delete(PASSWORD)).isInstanceOf(InvalidFieldException.class);

    assertThat(s.passwords.checks.get()).isEqualTo(checks);
    assertThat(s.accounts.byId(ada.id())).isPresent();
  }

  @Test
  void eachRefusalIsASecurityEventSayingWhy() {
    for (int i = 0; i < 5; i++) {
      String guess = "wrong " + i;
      assertThatThrownBy(() -> delete(guess)).isInstanceOf(InvalidFieldException.class);
    }
    assertThatThrownBy(() -> delete(PASSWORD)).isInstanceOf(InvalidFieldException.class);

    assertThat(s.security.recorded)
        .extracting(SecurityEvent::outcome)
        .containsExactly(
            "wrong-password",
            "wrong-password",
            "wrong-password",
            "wrong-password",
            "wrong-password",
            "locked");
    assertThat(s.security.kinds()).containsOnly(Kind.ACCOUNT_DELETED);
  }

  @Test
  void theRightPasswordForgetsEarlierFailuresEvenWhenStripeFails() {
    s.accounts.linkStripeCustomer(ada.id(), "cus_ada");
    for (int i = 0; i < 4; i++) {
      String guess = "wrong " + i;
      assertThatThrownBy(() -> delete(guess)).isInstanceOf(InvalidFieldException.class);
    }
    s.gateway.failDeletingWith(new UnavailableException("Stripe is down", null));

    assertThatThrownBy(() -> delete(PASSWORD)).isInstanceOf(UnavailableException.class);

    assertThat(s.sessions.failures(ada.id())).isZero();
  }

  @Test
  void whenStripeFailsNothingIsErasedAndTheCustomerCanTryAgain() {
    s.accounts.linkStripeCustomer(ada.id(), "cus_ada");
    s.gateway.failDeletingWith(new UnavailableException("Stripe is down", null));

    assertThatThrownBy(() -> delete(PASSWORD)).isInstanceOf(UnavailableException.class);
    assertThat(s.accounts.byId(ada.id())).isPresent();

    delete(PASSWORD);
    assertThat(s.accounts.byId(ada.id())).isEmpty();
  }

  @Test
  void anErasedAccountIsNotFound() {
    delete(PASSWORD);

    assertThatThrownBy(() -> delete(PASSWORD)).isInstanceOf(NotFoundException.class);
  }

  private void delete(String password) {
    s.deleteAccount.delete(new DeleteAccount.Command(ada.id(), password, SOURCE));
  }
}
