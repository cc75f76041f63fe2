package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.client.ShopApi;
import shop.localstack.app.LocalShop;

/**
 * Drill 8, database restart under load: clients keep reading their orders and profile and checking
 * out while PostgreSQL stops and starts again on the same port. Meanwhile requests fail fast with
 * 503 problem+json (never 500), and afterwards everything works again without restarting a service;
 * every checkout a client retried is one order, paid once.
 */
@ExtendWith(DrillShop.class)
class DatabaseRestartDrillIT {
  private static final int CLIENTS = Drill.size("drills.dbrestart.clients", 6);
  private static final Duration DOWN =
      Drill.duration("drills.dbrestart.down", Duration.ofSeconds(3));
  private static final Duration LOAD_BEFORE = Duration.ofSeconds(2);
  private static final Duration LOAD_AFTER =
      Drill.duration("drills.dbrestart.after", Duration.ofSeconds(6));

  record Outcome(long startNanos, long nanos, String route, int status, String contentType) {}

  @Test
  void requestsFailFastWith503AndRecoverWithoutARestart(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    try (Stores stores = new Stores(shop);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Checkouts checkouts = new Checkouts(api, sandbox, stores, "dbrestart");
      ShopClient.Customer customer = checkouts.customer();
      var body = ShopClient.order(checkouts.product(), 1, customer.paymentMethodId());
      ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> orders = new ConcurrentLinkedQueue<>();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Future<?>> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        int client = i;
        clients.add(
            pool.submit(
                () -> {
                  for (int n = 0; running.get(); n++) {
                    switch ((client + n) % 3) {
                      case 0 ->
                          outcomes.add(
                              timed(
                                  "GET /orders",
                                  () ->
                                      api.call(
                                          () ->
                                              api.shop()
                                                  .transaction()
                                                  .listMyOrdersWithHttpInfo(
                                                      null,
                                                      null,
                                                      ShopApi.bearer(customer.token())))));
                      case 1 ->
                          outcomes.add(
                              timed(
                                  "GET /users/me",
                                  () ->
                                      api.call(
                                          () ->
                                              api.shop()
                                                  .user()
                                                  .getProfileWithHttpInfo(
                                                      ShopApi.bearer(customer.token())))));
                      default -> {
                        String key = UUID.randomUUID().toString();
                        // Each attempt is recorded; the key is retried on 503 like a client does.
                        ShopClient.Reply last = null;
                        for (int attempt = 0;
                            attempt < 30 && running.get() || last == null;
                            attempt++) {
                          last =
                              record(
                                  outcomes,
                                  "POST /orders",
                                  () -> api.placeOrder(customer, key, body));
                          if (last.status() != 503) {
                            break;
                          }
                          pause(Duration.ofMillis(500));
                        }
                        if (last.status() == 503) {
                          last = api.checkout(customer, key, body);
                        }
                        if (last.status() == 201) {
                          orders.add(last.json().get("id").asText());
                        }
                      }
                    }
                  }
                  return null;
                }));
      }
      Thread.sleep(LOAD_BEFORE);
      long downAt = System.nanoTime();
      shop.cloud().restartPostgres(DOWN);
      long upAt = System.nanoTime();
      Thread.sleep(LOAD_AFTER);
      running.set(false);
      for (Future<?> client : clients) {
        client.get();
      }

      Map<Integer, Long> statuses = new TreeMap<>();
      outcomes.forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
      List<Outcome> unavailable = outcomes.stream().filter(o -> o.status() == 503).toList();
      long slowest503 = unavailable.stream().mapToLong(Outcome::nanos).max().orElse(0);
      // Recovered: from some point after the restart, every request succeeded.
      long lastFailure =
          outcomes.stream()
              .filter(o -> o.status() >= 500)
              .mapToLong(o -> o.startNanos() + o.nanos())
              .max()
              .orElse(upAt);
      List<Outcome> afterRecovery =
          outcomes.stream().filter(o -> o.startNanos() > lastFailure).toList();
      List<String> placed = List.copyOf(orders);
      checkouts.awaitAllPaid(placed, Duration.ofSeconds(120));
      Checkouts.Effects effects = checkouts.effects(placed);
      Drill.report(
          "database-restart",
          "%d clients; PostgreSQL down %d ms; %d requests answered %s; 503s: %d, all"
              + " problem+json: %s, slowest %d ms; last failure %d ms after the database was back,"
              + " then %d requests all 2xx; %s",
          CLIENTS,
          Duration.ofNanos(upAt - downAt).toMillis(),
          outcomes.size(),
          statuses,
          unavailable.size(),
          unavailable.stream()
              .allMatch(o -> o.contentType().startsWith("application/problem+json")),
          Duration.ofNanos(slowest503).toMillis(),
          Duration.ofNanos(Math.max(0, lastFailure - upAt)).toMillis(),
          afterRecovery.size(),
          effects);
      assertThat(statuses.keySet()).as("answers %s", statuses).allMatch(s -> s < 500 || s == 503);
      assertThat(unavailable).as("requests refused while the database was down").isNotEmpty();
      assertThat(unavailable).allMatch(o -> o.contentType().startsWith("application/problem+json"));
      assertThat(Duration.ofNanos(slowest503)).isLessThan(Duration.ofSeconds(6));
      assertThat(afterRecovery).hasSizeGreaterThan(CLIENTS);
      assertThat(afterRecovery).allMatch(o -> o.status() / 100 == 2);
      effects.assertExactlyOnce();
    }
  }

  private static Outcome timed(String route, java.util.function.Supplier<ShopClient.Reply> call) {
    long start = System.nanoTime();
    ShopClient.Reply reply = call.get();
    return new Outcome(
        start, System.nanoTime() - start, route, reply.status(), reply.contentType());
  }

  private static ShopClient.Reply record(
      ConcurrentLinkedQueue<Outcome> outcomes,
      String route,
      java.util.function.Supplier<ShopClient.Reply> call) {
    long start = System.nanoTime();
    ShopClient.Reply reply = call.get();
    outcomes.add(
        new Outcome(start, System.nanoTime() - start, route, reply.status(), reply.contentType()));
    return reply;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
