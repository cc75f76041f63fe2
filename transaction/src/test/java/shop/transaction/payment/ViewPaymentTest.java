package shop.transaction.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.transaction.order.InMemoryOrders;
import shop.transaction.order.OrderFixtures;
import shop.transaction.order.OrderNotFound;
import shop.transaction.order.OrderStatus;

class ViewPaymentTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final FakeGateway gateway = new FakeGateway();
  private final ViewPayment view = new ViewPayment(orders, gateway);

  @Test
  void anOrderWaitingForTheCustomersBankGivesItsClientSecretToItsOwner() {
    orders.put(OrderFixtures.actionRequired());
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.REQUIRES_ACTION, 0);

    var state = view.of("order-1", OrderFixtures.USER);

    assertThat(state.status()).isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
    assertThat(state.clientSecret()).isEqualTo("pi_1_secret_x");
  }

  @Test
  void aPaymentTheProviderHoldsForAnotherOrderGivesNoSecret() {
    orders.put(OrderFixtures.actionRequired());
    gateway.holds("pi_1", "order-2", ProviderPayment.Status.REQUIRES_ACTION, 0);

    assertThatThrownBy(() -> view.of("order-1", OrderFixtures.USER))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPaymentUnknownToTheProviderGivesNoSecret() {
    orders.put(OrderFixtures.actionRequired());

    assertThatThrownBy(() -> view.of("order-1", OrderFixtures.USER))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anotherCustomerGetsNotFound() {
    orders.put(OrderFixtures.actionRequired());
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.REQUIRES_ACTION, 0);

    assertThatThrownBy(() -> view.of("order-1", "someone-else")).isInstanceOf(OrderNotFound.class);
  }

  @Test
  void aPaidOrderHasNoSecretToGiveAndAsksNothingOfTheProvider() {
    orders.put(OrderFixtures.paid());
    gateway.down = true;

    var state = view.of("order-1", OrderFixtures.USER);

    assertThat(state.status()).isEqualTo(OrderStatus.PAID);
    assertThat(state.clientSecret()).isNull();
  }
}
