package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelOrderAsStaffTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final List<String> refunded = new ArrayList<>();
  private final Refunds refunds =
      (order, intent) -> {
        refunded.add(intent);
        return order.fulfilment().refundable();
      };
  private final CancelOrderAsStaff cancel =
      new CancelOrderAsStaff(orders, refunds, Clock.systemUTC());

  @Test
  void aPaidOrderIsRefundedInFullAndCancelledForStaff() {
    orders.put(OrderFixtures.paid());

    Order after = cancel.cancel(new CancelOrderAsStaff.Command("order-1", "customer called"));

    assertThat(after.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(after.fulfilment().refundedAmount()).isEqualTo(4900);
    assertThat(refunded).containsExactly("pi_1");
    assertThat(orders.events())
        .last()
        .isEqualTo(
            new OrderEvent.Cancelled(
                after.version(),
                after.updatedAt(),
                OrderStatus.REFUNDED,
                CancelReason.STAFF_REQUEST,
                4900));
  }

  @Test
  void anUnpaidOrderIsCancelledWithoutARefund() {
    orders.put(OrderFixtures.reserved());

    assertThat(cancel.cancel(new CancelOrderAsStaff.Command("order-1", "fraud")).status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(refunded).isEmpty();
  }

  @Test
  void onceAParcelLeftItIsTooLate() {
    orders.put(OrderFixtures.shipped());

    assertThatThrownBy(() -> cancel.cancel(new CancelOrderAsStaff.Command("order-1", "x")))
        .isInstanceOf(IllegalTransition.class);
    assertThat(refunded).isEmpty();
  }

  @Test
  void aRefundWebhookLandingBeforeTheSaveIsThisCancelsOwnOutcome() {
    orders.put(OrderFixtures.paid());
    Refunds refundedThenWebhook =
        (order, intent) -> {
          refunded.add(intent);
          long amount = order.fulfilment().refundable();
          orders.put(
              order.refund(CancelReason.CUSTOMER_REQUEST, amount, order.updatedAt()).after());
          return amount;
        };
    CancelOrderAsStaff racing =
        new CancelOrderAsStaff(orders, refundedThenWebhook, Clock.systemUTC());

    Order after = racing.cancel(new CancelOrderAsStaff.Command("order-1", "customer called"));

    assertThat(after.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(after).isEqualTo(orders.find("order-1").orElseThrow());
    assertThat(refunded).containsExactly("pi_1");
  }

  @Test
  void staffGiveAReason() {
    ShipOrderTest.assertRefused("reason", () -> new CancelOrderAsStaff.Command("order-1", ""));
  }
}
