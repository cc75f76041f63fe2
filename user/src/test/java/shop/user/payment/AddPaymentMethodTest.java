package shop.user.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.platform.testing.MutableClock;
import shop.user.account.Account;
import shop.user.fakes.FakeGateway;
import shop.user.fakes.InMemoryAccounts;
import shop.user.fakes.InMemoryPaymentMethods;
import shop.user.fakes.InMemoryUserService;

class AddPaymentMethodTest {
  private final InMemoryUserService users = new InMemoryUserService();
  private final MutableClock clock = users.clock;
  private final InMemoryAccounts accounts = users.accounts;
  private final InMemoryPaymentMethods methods = new InMemoryPaymentMethods();
  private final FakeGateway gateway = new FakeGateway();
  private final AddPaymentMethod add = new AddPaymentMethod(accounts, methods, gateway, clock);
  private final Account ada = users.registered("ada@example.com");

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

  @Test
  void anUnknownUserGetsNoStripeCustomer() {
    assertThatThrownBy(() -> add.add(java.util.UUID.randomUUID(), "pm_1"))
        .isInstanceOf(NotFoundException.class);
    assertThat(gateway.customersCreated).isEmpty();
    assertThat(gateway.attached).isEmpty();
  }
}
