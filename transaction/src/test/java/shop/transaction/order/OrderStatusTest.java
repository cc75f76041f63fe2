package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.transaction.order.OrderStatus.CANCELLED;
import static shop.transaction.order.OrderStatus.DELIVERED;
import static shop.transaction.order.OrderStatus.PAID;
import static shop.transaction.order.OrderStatus.PARTIALLY_SHIPPED;
import static shop.transaction.order.OrderStatus.PAYMENT_ACTION_REQUIRED;
import static shop.transaction.order.OrderStatus.PENDING;
import static shop.transaction.order.OrderStatus.REFUNDED;
import static shop.transaction.order.OrderStatus.RESERVED;
import static shop.transaction.order.OrderStatus.SHIPPED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {
  private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED =
      Map.of(
          PARTIALLY_SHIPPED, EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, REFUNDED),
          SHIPPED, EnumSet.of(DELIVERED, REFUNDED),
          DELIVERED, EnumSet.of(REFUNDED),
          PENDING, EnumSet.of(RESERVED, CANCELLED),
          RESERVED, EnumSet.of(PAID, CANCELLED, PAYMENT_ACTION_REQUIRED),
          PAYMENT_ACTION_REQUIRED, EnumSet.of(PAID, CANCELLED),
          PAID, EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, REFUNDED),
          CANCELLED, EnumSet.noneOf(OrderStatus.class),
          REFUNDED, EnumSet.noneOf(OrderStatus.class));

  @Test
  void allowsExactlyTheDocumentedTransitions() {
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        assertThat(from.canBecome(to))
            .as(from + " -> " + to)
            .isEqualTo(ALLOWED.get(from).contains(to));
      }
    }
  }

  @Test
  void cancelledAndRefundedAreFinal() {
    assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isFinal))
        .containsExactlyInAnyOrder(CANCELLED, REFUNDED);
  }
}
