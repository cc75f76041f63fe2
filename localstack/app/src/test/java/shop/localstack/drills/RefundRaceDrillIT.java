package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * Drill: twenty staff refunds of one paid order race, adding up to twice what was captured. Each
 * sets its amount aside in a write that holds only if the order did not change since it was read,
 * so at most what was captured is refunded, each refund reaches Stripe once (its own idempotency
 * key), and the order's books match Stripe's.
 */
@ExtendWith(DrillShop.class)
class RefundRaceDrillIT {
  private static final int RACERS = 20;
  private static final long EACH = 100;
  private static final long CAPTURED = 1000;

  @Test
  void twentyRacingRefundsNeverRefundMoreThanWasCaptured(LocalShop shop) throws Exception {
    AfterPaid paid = new AfterPaid(shop);
    String product = paid.api.product(paid.staff(), "race", 5, CAPTURED);
    ShopClient.Customer customer = paid.api.customer("race");
    String orderId = paid.paidOrder(customer, product, 1);
    paid.staff();

    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    List<Future<ShopClient.Reply>> racing = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      String key = "race-" + orderId + "-" + i;
      racing.add(pool.submit(() -> paid.refund(orderId, key, EACH)));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<ShopClient.Reply> reply : racing) {
      statuses.add(reply.get().status());
    }
    pool.shutdown();

    assertThat(statuses).allMatch(s -> s == 201 || s == 409);
    JsonNode order = paid.order(orderId);
    long succeeded =
        order.path("refunds").findValues("status").stream()
                .filter(s -> s.asText().equals("SUCCEEDED"))
                .count()
            * EACH;
    assertThat(order.path("refundedAmount").asLong())
        .isEqualTo(succeeded)
        .isLessThanOrEqualTo(CAPTURED);
    // Stripe's side, from the sandbox's journal: each of this order's refunds was asked for with
    // its own key, and what Stripe answered 2xx never adds up to more than was captured.
    List<Sandbox.RefundCall> atStripe =
        paid.sandbox.refunds().stream()
            .filter(r -> r.idempotencyKey() != null && r.status() / 100 == 2)
            .filter(r -> order.path("refunds").toString().contains(r.idempotencyKey().substring(7)))
            .toList();
    assertThat(atStripe).extracting(Sandbox.RefundCall::idempotencyKey).doesNotHaveDuplicates();
    assertThat(atStripe.stream().mapToLong(Sandbox.RefundCall::amount).sum())
        .isLessThanOrEqualTo(CAPTURED);
    assertThat(statuses.stream().filter(s -> s == 201).count() * EACH)
        .isEqualTo(order.path("refundedAmount").asLong());
  }
}
