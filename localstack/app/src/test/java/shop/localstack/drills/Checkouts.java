package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/** Checkouts for the drills, and the check that each order's effects happened exactly once. */
final class Checkouts {
  private final ShopClient api;
  private final Sandbox sandbox;
  private final Stores stores;
  private final ShopClient.Customer customer;
  private final String product;

  Checkouts(ShopClient api, Sandbox sandbox, Stores stores, String prefix) {
    this.api = api;
    this.sandbox = sandbox;
    this.stores = stores;
    this.customer = api.customer(prefix);
    this.product = api.product(api.adminToken(), prefix, 1_000_000, 990);
  }

  ShopClient.Customer customer() {
    return customer;
  }

  String product() {
    return product;
  }

  /** Places {@code count} one-unit orders, {@code concurrency} at a time; returns their ids. */
  List<String> place(int count, int concurrency) throws Exception {
    Semaphore slots = new Semaphore(concurrency);
    List<Future<String>> placed = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var body = ShopClient.order(product, 1, customer.paymentMethodId());
      for (int i = 0; i < count; i++) {
        placed.add(
            pool.submit(
                () -> {
                  slots.acquire();
                  try {
                    return api.expect(
                            201, api.checkout(customer, UUID.randomUUID().toString(), body))
                        .get("id")
                        .asText();
                  } finally {
                    slots.release();
                  }
                }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> id : placed) {
        ids.add(id.get());
      }
      return ids;
    }
  }

  void awaitAllPaid(List<String> orders, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(stores.ordersByStatus(customer.userId()))
                    .isEqualTo(Map.of("PAID", (long) orders.size())));
  }

  /** What happened to each order, counted from the provider sandbox's journal and the stores. */
  record Effects(
      int orders,
      long charged,
      long chargeCalls,
      long ordersWithOneKey,
      long receivedEmails,
      long confirmedEmails,
      long sold) {

    /** Every order paid, charged once, told once of each step, its unit sold once. */
    void assertExactlyOnce() {
      assertThat(charged).as("orders charged").isEqualTo(orders);
      assertThat(ordersWithOneKey).as("orders whose charge calls share one key").isEqualTo(orders);
      assertThat(receivedEmails).as("order-received emails").isEqualTo(orders);
      assertThat(confirmedEmails).as("order-confirmed emails").isEqualTo(orders);
      assertThat(sold).as("units sold").isEqualTo(orders);
    }

    @Override
    public String toString() {
      return String.format(
          "%d orders: %d charged (%d charge calls, every order's calls under one key: %s),"
              + " %d order-received and %d order-confirmed emails, %d units sold",
          orders,
          charged,
          chargeCalls,
          ordersWithOneKey == orders,
          receivedEmails,
          confirmedEmails,
          sold);
    }
  }

  /** Waits until every email has gone out, then counts each order's effects. */
  Effects effects(List<String> orders) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                emailsOf(orders, "is confirmed") >= orders.size()
                    && emailsOf(orders, "We received your order") >= orders.size());
    List<Sandbox.Charge> charges =
        sandbox.charges().stream().filter(c -> orders.contains(c.orderId())).toList();
    Map<String, Long> keysPerOrder =
        charges.stream()
            .collect(
                Collectors.groupingBy(
                    Sandbox.Charge::orderId,
                    Collectors.mapping(
                        Sandbox.Charge::idempotencyKey,
                        Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
    long charged =
        charges.stream()
            .filter(c -> c.status() == 200)
            .map(Sandbox.Charge::orderId)
            .distinct()
            .count();
    Stores.Stock stock = stores.stock(product);
    return new Effects(
        orders.size(),
        charged,
        charges.size(),
        keysPerOrder.values().stream().filter(k -> k == 1).count(),
        emailsOf(orders, "We received your order"),
        emailsOf(orders, "is confirmed"),
        1_000_000L - stock.onHand());
  }

  private long emailsOf(List<String> orders, String phrase) {
    List<String> emails = sandbox.emails();
    long count = 0;
    for (String order : orders) {
      for (String email : emails) {
        if (email.contains(order) && email.contains(phrase)) {
          count++;
        }
      }
    }
    return count;
  }
}
