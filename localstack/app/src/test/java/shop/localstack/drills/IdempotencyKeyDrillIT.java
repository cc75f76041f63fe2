package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * Drill 5: the same checkout with the same Idempotency-Key many times at once (a client retrying
 * hard). Every answer is the one order; there is one order in the database, and the sandbox's
 * journal shows one charge.
 */
@ExtendWith(DrillShop.class)
class IdempotencyKeyDrillIT {
  private static final int REQUESTS = Drill.size("drills.idempotency.requests", 50);

  @Test
  void oneKeyManyTimesAtOnceIsOneOrderAndOneCharge(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    try (Stores stores = new Stores(shop);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      String product = api.product(api.adminToken(), "idempotency", 10, 2500);
      ShopClient.Customer customer = api.customer("idempotency");
      String key = UUID.randomUUID().toString();
      var body = ShopClient.order(product, 2, customer.paymentMethodId());

      CountDownLatch start = new CountDownLatch(1);
      List<Future<ShopClient.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.checkout(customer, key, body);
                }));
      }
      start.countDown();
      List<String> ids = new ArrayList<>();
      for (Future<ShopClient.Reply> reply : replies) {
        ids.add(api.expect(201, reply.get()).get("id").asText());
      }
      String orderId = ids.get(0);
      assertThat(ids).containsOnly(orderId);

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> api.status(customer, orderId), equalTo("PAID"));
      // Give a stray duplicate time to show itself before counting.
      Thread.sleep(2000);
      long charges = sandbox.charges().stream().filter(c -> orderId.equals(c.orderId())).count();
      long orders = stores.orders(customer.userId());
      Drill.report(
          "idempotency-key",
          "%d concurrent POST /orders with one key: %d distinct order ids, %d order(s) stored,"
              + " %d charge(s), stock %s",
          REQUESTS,
          ids.stream().distinct().count(),
          orders,
          charges,
          stores.stock(product));
      assertThat(orders).isEqualTo(1);
      assertThat(charges).isEqualTo(1);
      assertThat(stores.stock(product)).isEqualTo(new Stores.Stock(8, 0, 8));
    }
  }
}
