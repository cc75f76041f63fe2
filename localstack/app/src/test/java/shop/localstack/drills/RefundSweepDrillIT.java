package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * Drill 10, refunds left PENDING: Stripe refunds but its answer is lost (the call times out), or
 * Stripe fails; staff never repeat the request. The refund sweep settles each: the lost answer by
 * finding the refund Stripe made (no second refund), the failure by asking again under the same
 * key. Either way the order's books end as Stripe's.
 */
@ExtendWith(DrillShop.class)
class RefundSweepDrillIT {
  private static final long AMOUNT = 300;

  @Test
  void aRefundWhoseAnswerWasLostIsFoundAtStripeNotMadeAgain(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String orderId = paidOrder(paid, "lost-answer");
    // Stripe makes the refund (the stub passes the call on to the sandbox), but answers after the
    // client has given up.
    String lost =
        paid.sandbox.stub(
            refundsOf(
                orderId,
                "{\"proxyBaseUrl\":\""
                    + stripped(shop.cloud().endpoints().sandboxUrl().toString())
                    + "\",\"additionalProxyRequestHeaders\":{\"X-Drill-Proxied\":\"1\"},"
                    + "\"fixedDelayMilliseconds\":"
                    + (DrillShop.STRIPE_TIMEOUT.toMillis() + 1500)
                    + "}"));
    try {
      assertThat(paid.refund(orderId, "lost-" + orderId, AMOUNT).status()).isEqualTo(503);
    } finally {
      paid.sandbox.remove(lost);
    }

    awaitRefunded(paid, orderId);
    List<Sandbox.RefundCall> reachedStripe =
        calls(paid, orderId).stream().filter(c -> !lost.equals(c.mapping())).toList();
    assertThat(reachedStripe).as("refunds Stripe made").hasSize(1);
    Drill.report(
        "refund-sweep",
        "lost answer: %d refund call(s) reached Stripe, the order refunded %d",
        reachedStripe.size(),
        paid.order(orderId).path("refundedAmount").asLong());
  }

  @Test
  void aRefundStripeFailedIsAskedForAgainUnderTheSameKey(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String orderId = paidOrder(paid, "stripe-down");
    String failing = paid.sandbox.stub(refundsOf(orderId, "{\"status\":500,\"body\":\"{}\"}"));
    try {
      assertThat(paid.refund(orderId, "down-" + orderId, AMOUNT).status()).isEqualTo(503);
    } finally {
      paid.sandbox.remove(failing);
    }

    awaitRefunded(paid, orderId);
    List<Sandbox.RefundCall> calls = calls(paid, orderId);
    assertThat(calls).extracting(Sandbox.RefundCall::idempotencyKey).containsOnly(key(calls));
    assertThat(calls.stream().filter(c -> !failing.equals(c.mapping())))
        .as("refunds Stripe made")
        .hasSize(1);
    Drill.report(
        "refund-sweep", "Stripe down: %d refund calls under one key, then settled", calls.size());
  }

  private static String paidOrder(AfterPaid paid, String name) {
    String product = paid.api.product(paid.staff(), name, 5, 1000);
    return paid.paidOrder(paid.api.customer(name), product, 1);
  }

  private static void awaitRefunded(AfterPaid paid, String orderId) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              var order = paid.order(orderId);
              assertThat(order.path("refunds").findValuesAsText("status"))
                  .containsExactly("SUCCEEDED");
              assertThat(order.path("refundedAmount").asLong()).isEqualTo(AMOUNT);
            });
  }

  private static List<Sandbox.RefundCall> calls(AfterPaid paid, String orderId) {
    return paid.sandbox.refunds().stream().filter(c -> orderId.equals(c.orderId())).toList();
  }

  private static String key(List<Sandbox.RefundCall> calls) {
    return calls.get(0).idempotencyKey();
  }

  /** A mapping for this order's refund calls (not the ones it passes on), ahead of all others. */
  private static String refundsOf(String orderId, String response) {
    return "{\"priority\":1,\"request\":{\"method\":\"POST\",\"urlPath\":\"/v1/refunds\","
        + "\"bodyPatterns\":[{\"contains\":\""
        + orderId
        + "\"}],\"headers\":{\"X-Drill-Proxied\":{\"absent\":true}}},\"response\":"
        + response
        + "}";
  }

  private static String stripped(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
