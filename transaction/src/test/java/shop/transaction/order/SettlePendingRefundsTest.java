package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.platform.domain.UnavailableException;

class SettlePendingRefundsTest {
  /** When the refunds were set aside (a day after the fixtures' orders were paid). */
  private static final Instant STARTED = OrderFixtures.T0.plus(Duration.ofDays(1));

  private final InMemoryOrders orders = new InMemoryOrders();
  private final List<String> asked = new ArrayList<>();
  private final List<String> lookedUp = new ArrayList<>();
  private Set<String> madeByProvider = Set.of();
  private RuntimeException askFailure;
  private RuntimeException lookUpFailure;

  private final PaymentRefunds payments =
      (order, refund) -> {
        if (askFailure != null) {
          throw askFailure;
        }
        asked.add(refund.providerKey());
      };
  private final MadeRefunds made =
      (order, refund) -> {
        if (lookUpFailure != null) {
          throw lookUpFailure;
        }
        lookedUp.add(refund.providerKey());
        return madeByProvider.contains(refund.providerKey());
      };

  @Test
  void aRefundTheProviderMadeIsRecordedWithoutAskingForTheMoneyAgain() {
    pendingRefund("order-1", "r1", 1000);
    madeByProvider = Set.of("refund-r1");

    assertThat(sweepAfter(Duration.ofMinutes(6))).isEqualTo(1);

    assertThat(asked).isEmpty();
    Order after = orders.find("order-1").orElseThrow();
    assertThat(after.fulfilment().refund("r1").orElseThrow().status())
        .isEqualTo(RefundStatus.SUCCEEDED);
    assertThat(after.fulfilment().refundedAmount()).isEqualTo(1000);
    assertThat(orders.events()).last().isInstanceOf(OrderEvent.RefundIssued.class);
  }

  @Test
  void aRefundTheProviderNeverMadeIsAskedForWithItsOwnKey() {
    pendingRefund("order-1", "r1", 4900);

    assertThat(sweepAfter(Duration.ofHours(30))).isEqualTo(1);

    assertThat(lookedUp).containsExactly("refund-r1");
    assertThat(asked).containsExactly("refund-r1");
    Order after = orders.find("order-1").orElseThrow();
    assertThat(after.fulfilment().refund("r1").orElseThrow().status())
        .isEqualTo(RefundStatus.SUCCEEDED);
    assertThat(after.status()).isEqualTo(OrderStatus.REFUNDED);
  }

  @Test
  void aRefundYoungerThanTheGraceIsLeftToTheRequestThatStartedIt() {
    pendingRefund("order-1", "r1", 1000);

    assertThat(sweepAfter(SettlePendingRefunds.DEFAULT_GRACE.minusSeconds(1))).isZero();

    assertThat(lookedUp).isEmpty();
    assertThat(asked).isEmpty();
    assertThat(statusOf("order-1", "r1")).isEqualTo(RefundStatus.PENDING);
  }

  @Test
  void onlyTheOldRefundsOfAnOrderAreSettled() {
    pendingRefund("order-1", "r1", 1000);
    Order order = orders.find("order-1").orElseThrow();
    orders.put(
        OrderRefunds.start(order, "r2", null, 500, "late", STARTED.plus(Duration.ofMinutes(4)))
            .after());

    assertThat(sweepAfter(Duration.ofMinutes(6))).isEqualTo(1);

    assertThat(asked).containsExactly("refund-r1");
    assertThat(statusOf("order-1", "r2")).isEqualTo(RefundStatus.PENDING);
  }

  @Test
  void aProviderOutageStopsTheSweepAndLeavesEveryRefundPending() {
    pendingRefund("order-1", "r1", 1000);
    pendingRefund("order-2", "r2", 1000);
    lookUpFailure = new UnavailableException("Stripe 503");

    assertThat(sweepAfter(Duration.ofMinutes(10))).isZero();

    assertThat(statusOf("order-1", "r1")).isEqualTo(RefundStatus.PENDING);
    assertThat(statusOf("order-2", "r2")).isEqualTo(RefundStatus.PENDING);
  }

  @Test
  void anOutageWhileAskingStopsTheSweepWithTheRefundStillPending() {
    pendingRefund("order-1", "r1", 1000);
    pendingRefund("order-2", "r2", 1000);
    askFailure = new UnavailableException("Stripe 503");

    assertThat(sweepAfter(Duration.ofMinutes(10))).isZero();

    assertThat(lookedUp).hasSize(1);
    assertThat(statusOf("order-1", "r1")).isEqualTo(RefundStatus.PENDING);
    assertThat(statusOf("order-2", "r2")).isEqualTo(RefundStatus.PENDING);
  }

  @Test
  void aRefusedRefundIsFailedItsAmountFreedAndTheSweepGoesOn() {
    pendingRefund("order-1", "r1", 1000);
    pendingRefund("order-2", "r2", 1000);
    askFailure = new IllegalStateException("charge disputed");

    assertThat(sweepAfter(Duration.ofMinutes(10))).isEqualTo(2);

    assertThat(statusOf("order-1", "r1")).isEqualTo(RefundStatus.FAILED);
    assertThat(statusOf("order-2", "r2")).isEqualTo(RefundStatus.FAILED);
    assertThat(orders.find("order-1").orElseThrow().fulfilment().refundable()).isEqualTo(4900);
  }

  @Test
  void aBacklogLongerThanABatchIsClearedInOneRun() {
    for (int i = 0; i < 120; i++) {
      pendingRefund("order-" + i, "r" + i, 100);
    }

    assertThat(sweepAfter(Duration.ofMinutes(10))).isEqualTo(120);

    assertThat(asked).hasSize(120).doesNotHaveDuplicates();
    assertThat(orders.withPendingRefunds(STARTED.plus(Duration.ofDays(1)), 10)).isEmpty();
  }

  @Test
  void nothingIsSettledOnceTheDeadlineHasPassed() {
    pendingRefund("order-1", "r1", 1000);
    Instant now = STARTED.plus(Duration.ofMinutes(10));

    int settled =
        new SettlePendingRefunds(
                orders,
                payments,
                made,
                SettlePendingRefunds.DEFAULT_GRACE,
                Clock.fixed(now, ZoneOffset.UTC))
            .settle(now);

    assertThat(settled).isZero();
    assertThat(lookedUp).isEmpty();
  }

  private int sweepAfter(Duration sinceStarted) {
    Instant now = STARTED.plus(sinceStarted);
    return new SettlePendingRefunds(
            orders,
            payments,
            made,
            SettlePendingRefunds.DEFAULT_GRACE,
            Clock.fixed(now, ZoneOffset.UTC))
        .settle(now.plusSeconds(30));
  }

  /** A paid order {@code orderId} with {@code amount} set aside as PENDING refund {@code id}. */
  private void pendingRefund(String orderId, String refundId, long amount) {
    Order paid =
        OrderFixtures.placed(orderId)
            .after()
            .reserve(OrderFixtures.T0.plusSeconds(1))
            .after()
            .capture("pi_" + orderId, OrderFixtures.T0.plusSeconds(2))
            .after();
    orders.put(OrderRefunds.start(paid, refundId, null, amount, "goodwill", STARTED).after());
  }

  private RefundStatus statusOf(String orderId, String refundId) {
    return orders.find(orderId).orElseThrow().fulfilment().refund(refundId).orElseThrow().status();
  }

  @Test
  void anOutageAfterSomeWereSettledAnswersHowManyWere() {
    pendingRefund("order-1", "r1", 1000);
    pendingRefund("order-2", "r2", 1000);
    // order-2's refund started a minute later: the sweep reaches it last.
    Order second = orders.find("order-2").orElseThrow();
    Refund later =
        new Refund(
            "r2",
            null,
            1000,
            "goodwill",
            List.of(),
            RefundStatus.PENDING,
            STARTED.plusSeconds(60),
            STARTED.plusSeconds(60));
    orders.put(
        second.next(
            second.status(), second.fulfilment().with(later), STARTED.plusSeconds(60), "refund"));
    madeByProvider = Set.of("refund-r1");
    askFailure = new UnavailableException("Stripe 503");

    assertThat(sweepAfter(Duration.ofMinutes(10))).isEqualTo(1);

    assertThat(statusOf("order-1", "r1")).isEqualTo(RefundStatus.SUCCEEDED);
    assertThat(statusOf("order-2", "r2")).isEqualTo(RefundStatus.PENDING);
  }

  @Test
  void refundsSettledBeforeAreNotLookedUpAgain() {
    pendingRefund("order-1", "r1", 1000);
    madeByProvider = Set.of("refund-r1");
    sweepAfter(Duration.ofMinutes(6));
    Order order = orders.find("order-1").orElseThrow();
    orders.put(OrderRefunds.start(order, "r2", null, 500, "more", STARTED).after());
    lookedUp.clear();

    assertThat(sweepAfter(Duration.ofMinutes(6))).isEqualTo(1);

    assertThat(lookedUp).containsExactly("refund-r2");
  }

  @Test
  void aRefundRecordedByAnotherWriterFirstIsNotCountedTwice() {
    pendingRefund("order-1", "r1", 1000);
    madeByProvider = Set.of("refund-r1");
    boolean[] raced = {false};
    orders.afterFind =
        order -> {
          if (!raced[0]) {
            raced[0] = true;
            orders.put(OrderRefunds.complete(order, "r1", STARTED).after());
          }
        };

    assertThat(sweepAfter(Duration.ofMinutes(6))).isZero();

    Order after = orders.find("order-1").orElseThrow();
    assertThat(after.fulfilment().refund("r1").orElseThrow().status())
        .isEqualTo(RefundStatus.SUCCEEDED);
    assertThat(after.fulfilment().refundedAmount()).isEqualTo(1000);
  }

  @Test
  void anOrderThatKeepsChangingWaitsAndTheSweepGoesOn() {
    pendingRefund("order-1", "r1", 1000);
    pendingRefund("order-2", "r2", 1000);
    madeByProvider = Set.of("refund-r1", "refund-r2");
    orders.afterFind =
        order -> {
          if (order.id().equals("order-1")) {
            orders.put(order.next(order.status(), order.fulfilment(), STARTED, "change"));
          }
        };

    assertThat(sweepAfter(Duration.ofMinutes(6))).isEqualTo(1);

    assertThat(statusOf("order-1", "r1")).isEqualTo(RefundStatus.PENDING);
    assertThat(statusOf("order-2", "r2")).isEqualTo(RefundStatus.SUCCEEDED);
  }
}
