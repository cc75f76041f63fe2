package shop.user.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.fakes.FakeGateway;
import shop.user.fakes.InMemoryPaymentMethods;
import shop.user.fakes.InMemoryUserService;

class PaymentMethodChoicesTest {
  private final InMemoryUserService users = new InMemoryUserService();
  private final InMemoryPaymentMethods methods = new InMemoryPaymentMethods();
  private final FakeGateway gateway = new FakeGateway();
  private final AddPaymentMethod add =
      new AddPaymentMethod(users.accounts, methods, gateway, users.clock);
  private final Account ada = users.registered("ada@example.com");

  @Test
  void aSavedCardBecomesTheDefaultOnlyForItsOwner() {
    add.add(ada.id(), "pm_1");
    add.add(ada.id(), "pm_2");
    MakeDefaultPaymentMethod makeDefault = new MakeDefaultPaymentMethod(methods);

    assertThat(makeDefault.makeDefault(ada.id(), "pm_2").isDefault()).isTrue();
    assertThat(new ListPaymentMethods(methods).list(ada.id()))
        .extracting(PaymentMethod::id, PaymentMethod::isDefault)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("pm_1", false),
            org.assertj.core.groups.Tuple.tuple("pm_2", true));
    assertThatThrownBy(() -> makeDefault.makeDefault(UUID.randomUUID(), "pm_1"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRemovedCardIsDetachedFromStripeAndForgotten() {
    add.add(ada.id(), "pm_1");

    new RemovePaymentMethod(methods, gateway).remove(ada.id(), "pm_1");

    assertThat(gateway.detached).containsExactly("pm_1");
    assertThat(methods.list(ada.id())).isEmpty();
  }
}
