package shop.user.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.account.PasswordPolicy;
import shop.user.account.RegisterUser;
import shop.user.fakes.FakeGateway;
import shop.user.fakes.InMemoryAccounts;
import shop.user.fakes.InMemoryPaymentMethods;
import shop.user.fakes.MutableClock;
import shop.user.fakes.PlainPasswords;

class AddPaymentMethodTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryPaymentMethods methods = new InMemoryPaymentMethods();
  private final FakeGateway gateway = new FakeGateway();
  private final AddPaymentMethod add = new AddPaymentMethod(accounts, methods, gateway, clock);
  private final Account ada =
      new RegisterUser(accounts, new PlainPasswords(), PasswordPolicy.standard(), clock)
          .register(
              new RegisterUser.Command(
                  "ada@example.com", "a long and unusual passphrase", "Ada", null));

  @Test
  void createsTheStripeCustomerOnFirstNeedOnlyAndMakesTheFirstCardDefault() {
    PaymentMethod first = add.add(ada.id(), "pm_1");
    PaymentMethod second = add.add(ada.id(), "pm_2");

    assertThat(gateway.customersCreated).containsExactly(ada.id());
    assertThat(accounts.byId(ada.id()).orElseThrow().stripeCustomerId()).startsWith("cus_");
    assertThat(first.isDefault()).isTrue();
    assertThat(second.isDefault()).isFalse();
    assertThat(first.card()).isEqualTo(new Card("visa", "4242", 12, 2034));
  }

  @Test
  void refusesSomethingThatIsNotAStripePaymentMethodIdBeforeCallingStripe() {
    assertThatThrownBy(() -> add.add(ada.id(), "4242424242424242"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("stripePaymentMethodId"));
    assertThat(gateway.customersCreated).isEmpty();
  }

  @Test
  void anotherUsersCardIsNotFoundForRemoval() {
    add.add(ada.id(), "pm_1");
    var remove = new RemovePaymentMethod(methods, gateway);

    assertThatThrownBy(() -> remove.remove(java.util.UUID.randomUUID(), "pm_1"))
        .isInstanceOf(NotFoundException.class);
    assertThat(gateway.detached).isEmpty();
  }
}
