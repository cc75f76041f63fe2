package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import shop.platform.domain.NotFoundException;

class DeliverShipmentTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final DeliverShipment deliver = new DeliverShipment(orders, Clock.systemUTC());

  @Test
  void deliveringAnswersTheOrderAndTwiceChangesNothing() {
    orders.put(OrderFixtures.shipped());

    Order first = deliver.deliver("ship-1", null);
    Order again = deliver.deliver("ship-1", null);

    assertThat(first.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(again).isEqualTo(first).isEqualTo(orders.find("order-1").orElseThrow());
  }

  @Test
  void anUnknownParcelIsNotFound() {
    orders.put(OrderFixtures.shipped());

    assertThatThrownBy(() -> deliver.deliver("ship-9", null))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("ship-9");
  }
}
