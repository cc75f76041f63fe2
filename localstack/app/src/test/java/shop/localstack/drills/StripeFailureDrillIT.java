package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * Drill 6, Stripe failing: every order's first charge call gets a 500, its second times out (the
 * sandbox answers after the client's timeout, as if Stripe charged but the answer was lost), the
 * third succeeds. Each order is retried through SQS redelivery until PAID, every call of an order
 * carries the same idempotency key (so Stripe charges at most once), and no message reaches the
 * DLQ.
 */
@ExtendWith(DrillShop.class)
class StripeFailureDrillIT {
  private static final int ORDERS = Drill.size("drills.stripe.orders", 3);

  @Test
  void failedAndTimedOutChargesAreRetriedUnderOneKey(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    try (Stores stores = new Stores(shop)) {
      Checkouts checkouts = new Checkouts(api, sandbox, stores, "stripe");
      String card = checkouts.customer().paymentMethodId();
      String failing = sandbox.stub(stripeFailure(card, "{\"status\":500,\"body\":\"{}\"}"));
      String slow = null;
      List<String> orders;
      try {
        orders = checkouts.place(ORDERS, 5);
        awaitCalls(sandbox, orders, 1);
        sandbox.remove(failing);
        long delay = DrillShop.STRIPE_TIMEOUT.toMillis() + 1500;
        slow =
            sandbox.stub(
                stripeFailure(
                    card,
                    "{\"status\":200,\"fixedDelayMilliseconds\":"
                        + delay
                        + ",\"headers\":{\"Content-Type\":\"application/json\"},"
                        + "\"body\":\"{\\\"id\\\":\\\"pi_lost\\\",\\\"object\\\":\\\"payment_intent\\\","
                        + "\\\"status\\\":\\\"succeeded\\\"}\"}"));
        awaitCalls(sandbox, orders, 2);
      } finally {
        sandbox.remove(failing);
        if (slow != null) {
          sandbox.remove(slow);
        }
      }
      checkouts.awaitAllPaid(orders, Duration.ofSeconds(120));

      List<Sandbox.Charge> charges =
          sandbox.charges().stream().filter(c -> orders.contains(c.orderId())).toList();
      Map<String, List<Sandbox.Charge>> byOrder =
          charges.stream().collect(Collectors.groupingBy(Sandbox.Charge::orderId));
      Map<Integer, Long> answers =
          charges.stream()
              .collect(Collectors.groupingBy(Sandbox.Charge::status, Collectors.counting()));
      Checkouts.Effects effects = checkouts.effects(orders);
      Drill.report(
          "stripe-failures",
          "%d orders, each charge answered 500, then timed out, then succeeded: %d calls (by"
              + " sandbox answer %s), keys per order %s; %s",
          orders.size(),
          charges.size(),
          answers,
          byOrder.values().stream()
              .map(c -> c.stream().map(Sandbox.Charge::idempotencyKey).distinct().count())
              .distinct()
              .toList(),
          effects);
      for (var entry : byOrder.entrySet()) {
        assertThat(entry.getValue()).as(entry.getKey()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(entry.getValue())
            .extracting(Sandbox.Charge::idempotencyKey)
            .containsOnly("charge-" + entry.getKey());
      }
      effects.assertExactlyOnce();
    }
  }

  /** A mapping that answers the drill customer's charges with {@code response}, ahead of all. */
  private static String stripeFailure(String card, String response) {
    return "{\"priority\":1,\"request\":{\"method\":\"POST\",\"urlPath\":\"/v1/payment_intents\","
        + "\"formParameters\":{\"payment_method\":{\"equalTo\":\""
        + card
        + "\"}}},\"response\":"
        + response
        + "}";
  }

  /** Until every order has had at least {@code calls} charge calls. */
  private static void awaitCalls(Sandbox sandbox, List<String> orders, int calls) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Map<String, Long> byOrder =
                  sandbox.charges().stream()
                      .filter(c -> orders.contains(c.orderId()))
                      .collect(
                          Collectors.groupingBy(Sandbox.Charge::orderId, Collectors.counting()));
              return orders.stream().allMatch(o -> byOrder.getOrDefault(o, 0L) >= calls);
            });
  }
}
