package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * Drill 4, oversell: many more concurrent one-unit orders than units in stock. Exactly the stock is
 * sold (PAID and charged), every other order is refused at checkout or cancelled, and the stored
 * stock never goes below zero while it happens.
 */
@ExtendWith(DrillShop.class)
class OversellDrillIT {
  private static final int ORDERS = Drill.size("drills.oversell.orders", 60);
  private static final int STOCK = Drill.size("drills.oversell.stock", 15);

  @Test
  void sellsExactlyTheStockAndNeverGoesNegative(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    try (Stores stores = new Stores(shop);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      String product = api.product(api.adminToken(), "oversell", STOCK, 1500);
      ShopClient.Customer customer = api.customer("oversell");
      var body = ShopClient.order(product, 1, customer.paymentMethodId());

      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
      Future<?> watcher =
          pool.submit(
              () -> {
                while (!done.get()) {
                  Stores.Stock stock = stores.stock(product);
                  lowest.accumulateAndGet(Math.min(stock.available(), stock.onHand()), Math::min);
                }
              });
      CountDownLatch start = new CountDownLatch(1);
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      List<Future<String>> orders = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        orders.add(
            pool.submit(
                () -> {
                  start.await();
                  ShopClient.Reply reply =
                      api.checkout(customer, UUID.randomUUID().toString(), body);
                  statuses.merge(reply.status(), 1, Integer::sum);
                  return reply.status() == 201 ? reply.json().get("id").asText() : null;
                }));
      }
      start.countDown();
      List<String> created = new ArrayList<>();
      try {
        for (Future<String> order : orders) {
          String id = order.get();
          if (id != null) {
            created.add(id);
          }
        }
        awaitSettled(stores, customer, created.size());
        // A sale follows its order's PaymentCaptured through the bus and the inventory queue, so
        // the stock settles a little after the last order is PAID (the watcher keeps watching).
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> stores.stock(product).reserved() == 0);
      } finally {
        done.set(true);
      }
      watcher.get();
      assertThat(statuses.keySet()).as("checkout answers %s", statuses).allMatch(s -> s < 500);

      Stores.Stock after = stores.stock(product);
      long charged =
          sandbox.charges().stream()
              .filter(c -> created.contains(c.orderId()))
              .map(Sandbox.Charge::orderId)
              .distinct()
              .count();
      Drill.report(
          "oversell",
          "%d orders for %d units: checkout answered %s (after retrying %d 503s); %d PAID, %d"
              + " charged, stock after %s, lowest stock seen %d",
          ORDERS,
          STOCK,
          statuses,
          api.retried503.get(),
          STOCK,
          charged,
          after,
          lowest.get());
      assertThat(stores.ordersByStatus(customer.userId()))
          .isEqualTo(Map.of("PAID", (long) STOCK, "CANCELLED", (long) created.size() - STOCK));
      assertThat(after).isEqualTo(new Stores.Stock(0, 0, 0));
      assertThat(lowest.get()).isGreaterThanOrEqualTo(0);
      assertThat(charged).isEqualTo(STOCK);
    }
  }

  /** Until no order of {@code customer} is still on its way (PENDING or RESERVED). */
  private static void awaitSettled(Stores stores, ShopClient.Customer customer, int orders) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Map<String, Long> byStatus = stores.ordersByStatus(customer.userId());
              return byStatus.getOrDefault("PAID", 0L) + byStatus.getOrDefault("CANCELLED", 0L)
                  == orders;
            });
  }
}
