package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExpireOrdersTest {
  private static final Duration EXPIRY = Duration.ofMinutes(30);

  private final InMemoryOrders orders = new InMemoryOrders();

  @Test
  void cancelsOrdersStillWaitingForStockOrPaymentPastTheDeadline() {
    orders.put(withId(OrderFixtures.pending(), "pending"));
    orders.put(withId(OrderFixtures.reserved(), "reserved"));
    orders.put(withId(OrderFixtures.actionRequired(), "action-required"));

    assertThat(expireAt(EXPIRY.plusSeconds(10)).expire(Instant.MAX)).isEqualTo(3);

    for (String id : new String[] {"pending", "reserved", "action-required"}) {
      assertThat(orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }
    // OrderCancelled (reason EXPIRED) is what releases the reserved stock.
    assertThat(orders.events())
        .filteredOn(OrderEvent.Cancelled.class::isInstance)
        .hasSize(3)
        .allSatisfy(
            e -> assertThat(((OrderEvent.Cancelled) e).reason()).isEqualTo(CancelReason.EXPIRED));
  }

  @Test
  void anOrderThatKeepsChangingIsLeftForTheNextSweepAndTheOthersStillExpire() {
    orders.put(withId(OrderFixtures.pending(), "busy"));
    orders.put(withId(OrderFixtures.pending(), "idle"));
    orders.afterFind =
        order -> {
          if (order.id().equals("busy")) {
            orders.put(OrderUpdatesTest.touched(order)); // a payment landing, again and again
          }
        };

    assertThat(expireAt(EXPIRY.plusSeconds(10)).expire(Instant.MAX)).isEqualTo(1);

    orders.afterFind = order -> {};
    assertThat(orders.find("busy").orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
    assertThat(orders.find("idle").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void leavesAnOrderAwaitingTheCustomersActionAloneBeforeTheDeadline() {
    orders.put(OrderFixtures.actionRequired());

    assertThat(expireAt(EXPIRY.minusMinutes(1)).expire(Instant.MAX)).isZero();

    assertThat(orders.find("order-1").orElseThrow().status())
        .isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
  }

  @Test
  void neverTouchesPaidOrFinishedOrders() {
    orders.put(withId(OrderFixtures.paid(), "paid"));
    orders.put(withId(OrderFixtures.cancelled(), "cancelled"));
    orders.put(withId(OrderFixtures.refunded(), "refunded"));

    assertThat(expireAt(EXPIRY.plusDays(1)).expire(Instant.MAX)).isZero();

    assertThat(orders.find("paid").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void worksThroughABacklogLargerThanOneBatchInOneRun() {
    for (int i = 0; i < 250; i++) {
      orders.put(withId(OrderFixtures.reserved(), "reserved-" + i));
    }

    assertThat(expireAt(EXPIRY.plusSeconds(10)).expire(Instant.MAX)).isEqualTo(250);

    assertThat(orders.stuck(OrderStatus.UNPAID, Instant.MAX, 1)).isEmpty();
  }

  @Test
  void stopsWhenItsTimeIsUpAndLeavesTheRestForTheNextRun() {
    orders.put(withId(OrderFixtures.reserved(), "reserved"));
    ExpireOrders expire = expireAt(EXPIRY.plusSeconds(10));

    assertThat(expire.expire(OrderFixtures.T0.plus(EXPIRY))).as("already past stopBy").isZero();

    assertThat(orders.find("reserved").orElseThrow().status()).isEqualTo(OrderStatus.RESERVED);
  }

  private ExpireOrders expireAt(Duration afterPlacing) {
    Clock clock = Clock.fixed(OrderFixtures.T0.plus(afterPlacing), ZoneOffset.UTC);
    return new ExpireOrders(orders, EXPIRY, clock);
  }

  private static Order withId(Order o, String id) {
    return new Order(
        id,
        o.userId(),
        o.customer(),
        o.lines(),
        o.total(),
        o.paymentMethodId(),
        o.stripeCustomerId(),
        o.shippingAddress(),
        o.status(),
        o.version(),
        o.createdAt(),
        o.updatedAt(),
        o.paymentIntentId());
  }
}
