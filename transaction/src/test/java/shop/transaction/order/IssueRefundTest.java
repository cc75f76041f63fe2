package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import shop.platform.domain.UnavailableException;

class IssueRefundTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final List<String> providerKeys = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> providerAmounts = Collections.synchronizedList(new ArrayList<>());
  private RuntimeException providerFailure;
  private final PaymentRefunds provider =
      (order, refund) -> {
        if (providerFailure != null) {
          throw providerFailure;
        }
        providerKeys.add(refund.providerKey());
        providerAmounts.add(refund.amount());
      };
  private final IssueRefund issue = new IssueRefund(orders, provider, Clock.systemUTC());

  @Test
  void refundsPartOfAPaidOrderThroughTheProvider() {
    orders.put(OrderFixtures.delivered());

    Refund refund = issue.issue(new IssueRefundCommand("order-1", "k1", 1000, "goodwill")).refund();

    assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
    assertThat(providerKeys).containsExactly(refund.providerKey());
    Order after = orders.find("order-1").orElseThrow();
    assertThat(after.fulfilment().refundedAmount()).isEqualTo(1000);
    assertThat(orders.events()).last().isInstanceOf(OrderEvent.RefundIssued.class);
  }

  @Test
  void theSameIdempotencyKeyAnswersTheSameRefundOnce() {
    orders.put(OrderFixtures.paid());

    Refund first = issue.issue(new IssueRefundCommand("order-1", "k1", 1000, "goodwill")).refund();
    Refund again = issue.issue(new IssueRefundCommand("order-1", "k1", 1000, "goodwill")).refund();

    assertThat(again).isEqualTo(first);
    assertThat(providerKeys).hasSize(1);
    assertThatThrownBy(() -> issue.issue(new IssueRefundCommand("order-1", "k1", 999, "goodwill")))
        .isInstanceOf(IdempotencyKeyReused.class);
  }

  @Test
  void aProviderOutageLeavesTheRefundPendingAndTheRetryFinishesIt() {
    orders.put(OrderFixtures.paid());
    providerFailure = new UnavailableException("down");

    assertThatThrownBy(() -> issue.issue(new IssueRefundCommand("order-1", "k1", 1000, "x")))
        .isInstanceOf(UnavailableException.class);
    assertThat(orders.find("order-1").orElseThrow().fulfilment().refundable()).isEqualTo(3900);

    providerFailure = null;
    Refund done = issue.issue(new IssueRefundCommand("order-1", "k1", 1000, "x")).refund();
    assertThat(done.status()).isEqualTo(RefundStatus.SUCCEEDED);
    assertThat(providerKeys).containsExactly(done.providerKey());
  }

  @Test
  void aRefusedRefundIsFailedAndItsAmountFreed() {
    orders.put(OrderFixtures.paid());
    providerFailure = new IllegalStateException("refused");

    assertThatThrownBy(() -> issue.issue(new IssueRefundCommand("order-1", "k1", 1000, "x")))
        .isInstanceOf(IllegalStateException.class);

    Order after = orders.find("order-1").orElseThrow();
    assertThat(after.fulfilment().refundable()).isEqualTo(4900);
    assertThat(after.fulfilment().refunds())
        .singleElement()
        .extracting(Refund::status)
        .isEqualTo(RefundStatus.FAILED);
  }

  @Test
  void twentyRacingRefundsNeverPassWhatWasCaptured() throws Exception {
    orders.put(OrderFixtures.paid());
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<?>> racing = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String key = "k" + i;
      racing.add(
          pool.submit(() -> issue.issue(new IssueRefundCommand("order-1", key, 500, "race"))));
    }
    for (Future<?> f : racing) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(shop.platform.domain.ConflictException.class);
      }
    }
    pool.shutdown();

    long refunded = providerAmounts.stream().mapToLong(Long::longValue).sum();
    assertThat(refunded).isLessThanOrEqualTo(4900);
    assertThat(providerKeys).doesNotHaveDuplicates();
    assertThat(orders.find("order-1").orElseThrow().fulfilment().refundedAmount())
        .isEqualTo(refunded);
  }

  @Test
  void theCommandTakesAKeyOfUpTo255CharsAPositiveAmountAndStaffsReason() {
    String longest = "k".repeat(255);
    assertThat(new IssueRefundCommand("o", longest, 1, "goodwill").amount()).isEqualTo(1);

    ShipOrderTest.assertRefused(
        "Idempotency-Key", () -> new IssueRefundCommand("o", longest + "k", 1, "goodwill"));
    ShipOrderTest.assertRefused(
        "Idempotency-Key", () -> new IssueRefundCommand("o", " ", 1, "goodwill"));
    ShipOrderTest.assertRefused("amount", () -> new IssueRefundCommand("o", "k", 0, "goodwill"));
    ShipOrderTest.assertRefused("reason", () -> new IssueRefundCommand("o", "k", 1, null));
    ShipOrderTest.assertRefused("reason", () -> new IssueRefundCommand("o", "k", 1, Refund.RETURN));
  }
}
