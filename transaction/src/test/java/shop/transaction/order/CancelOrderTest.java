package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelOrderTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final List<Refund> refunds = new ArrayList<>();
  private final Refunds refunder =
      (order, paymentIntentId) -> {
        refunds.add(new Refund(order.id(), paymentIntentId));
        return order.total().amount();
      };
  private final CancelOrder cancel = new CancelOrder(orders, refunder, Clock.systemUTC());

  /** A refund the cancellation asked for (its idempotency key: {@code RefundPaymentTest}). */
  private record Refund(String orderId, String paymentIntentId) {}

  @Test
  void cancelsAPendingOrder() {
    orders.put(OrderFixtures.pending());

    assertThat(cancel.cancel("order-1", OrderFixtures.USER).status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(refunds).isEmpty();
  }

  @Test
  void cancelsAnOrderWaitingForTheCustomersPaymentActionWithoutARefund() {
    orders.put(OrderFixtures.actionRequired());

    assertThat(cancel.cancel("order-1", OrderFixtures.USER).status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(refunds).isEmpty();
    assertThat(orders.events())
        .last()
        .isInstanceOfSatisfying(
            OrderEvent.Cancelled.class,
            c -> assertThat(c.reason()).isEqualTo(CancelReason.CUSTOMER_REQUEST));
  }

  @Test
  void stripesRefundWebhookLandingBeforeTheSaveIsThisCancelsOwnOutcome() {
    orders.put(OrderFixtures.paid());
    // While we ask Stripe for the refund, its charge.refunded webhook refunds the order first.
    Refunds webhookWins =
        (order, paymentIntentId) -> {
          refunds.add(new Refund(order.id(), paymentIntentId));
          orders.put(order.refund(CancelReason.CUSTOMER_REQUEST, 4900, OrderFixtures.T0).after());
          return order.total().amount();
        };

    Order cancelled =
        new CancelOrder(orders, webhookWins, Clock.systemUTC())
            .cancel("order-1", OrderFixtures.USER);

    assertThat(cancelled.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(refunds).hasSize(1);
    assertThatThrownBy(() -> cancel.cancel("order-1", OrderFixtures.USER))
        .as("a later cancel of the refunded order")
        .isInstanceOf(IllegalTransition.class);
  }

  @Test
  void refundsAPaidOrderFirst() {
    orders.put(OrderFixtures.paid());

    assertThat(cancel.cancel("order-1", OrderFixtures.USER).status())
        .isEqualTo(OrderStatus.REFUNDED);
    assertThat(refunds).singleElement().isEqualTo(new Refund("order-1", "pi_1"));
    assertThat(orders.events())
        .last()
        .isInstanceOfSatisfying(
            OrderEvent.Cancelled.class, c -> assertThat(c.refundedAmount()).isEqualTo(4900));
  }

  @Test
  void someoneElsesOrderIsNotFound() {
    orders.put(OrderFixtures.pending());

    assertThatThrownBy(() -> cancel.cancel("order-1", "intruder"))
        .isInstanceOf(OrderNotFound.class);
  }

  @Test
  void aCancelledOrderCannotBeCancelledAgain() {
    orders.put(OrderFixtures.cancelled());

    assertThatThrownBy(() -> cancel.cancel("order-1", OrderFixtures.USER))
        .isInstanceOf(IllegalTransition.class);
  }

  @Test
  void theSweepExpiresOnlyOrdersPastTheDeadline() {
    orders.put(OrderFixtures.pending());
    orders.put(OrderFixtures.placed("order-2").after());
    Clock now = Clock.fixed(OrderFixtures.T0.plus(Duration.ofMinutes(31)), ZoneOffset.UTC);
    ExpireOrders expire = new ExpireOrders(orders, Duration.ofMinutes(30), now);

    assertThat(expire.expire(Instant.MAX)).isEqualTo(2);
    assertThat(expire.expire(Instant.MAX)).isZero();

    orders.put(OrderFixtures.reserved());
    ExpireOrders notYet =
        new ExpireOrders(
            orders,
            Duration.ofMinutes(30),
            Clock.fixed(OrderFixtures.T0.plus(Duration.ofMinutes(29)), ZoneOffset.UTC));
    assertThat(notYet.expire(Instant.MAX)).isZero();
  }

  @Test
  void inventoryRejectedCancelsAPendingOrderOnce() {
    orders.put(OrderFixtures.pending());
    RejectOrder reject = new RejectOrder(orders, Clock.systemUTC());

    reject.reject("evt-1", "order-1");
    reject.reject("evt-1", "order-1");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(orders.events()).filteredOn(OrderEvent.Cancelled.class::isInstance).hasSize(1);
  }
}
