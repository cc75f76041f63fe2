package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * Drill 7, bad input: jqwik generates malformed requests for every route of every service's
 * openapi.yaml (see {@link MalformedRequests}), sent through the local HTTP API with no token, a
 * garbage one, a customer's and the admin's. No answer is a 5xx, every 4xx is problem+json, and
 * nothing is written (the long form sends 10,000 or more): the row counts of both PostgreSQL
 * databases, the document counts of the product database and the provider sandbox's journal are
 * what they were.
 */
@ExtendWith(DrillShop.class)
class BadInputDrillIT {
  private static final int REQUESTS = Drill.size("drills.badinput.requests", 1_000);

  @Test
  void noMalformedRequestIsA5xxOrWritesAnything(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    try (Stores stores = new Stores(shop);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      ShopClient.Customer customer = api.customer("badinput");
      List<String> tokens =
          java.util.Arrays.asList(null, "garbage.token.here", customer.token(), api.adminToken());
      List<MalformedRequests.Route> routes = MalformedRequests.routes();
      Map<String, Long> before = counts(stores, sandbox);

      List<MalformedRequests.Request> requests =
          MalformedRequests.requests(routes, tokens).sampleStream().limit(REQUESTS).toList();
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> perRoute = new ConcurrentHashMap<>();
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      Semaphore inFlight = new Semaphore(16);
      List<Future<?>> sent = new ArrayList<>();
      for (MalformedRequests.Request request : requests) {
        inFlight.acquire();
        sent.add(
            pool.submit(
                () -> {
                  try {
                    ShopClient.Reply reply = send(api, request);
                    statuses.merge(reply.status(), 1, Integer::sum);
                    perRoute
                        .computeIfAbsent(request.route().key(), k -> new AtomicInteger())
                        .incrementAndGet();
                    boolean problem = reply.contentType().startsWith("application/problem+json");
                    // The API gateway's own refusal of an IAM-signed route, as API Gateway words
                    // it.
                    boolean gateway =
                        reply.status() == 403 && reply.body().startsWith("{\"message\":");
                    if (reply.status() >= 500 || (reply.status() >= 400 && !problem && !gateway)) {
                      failures.add(
                          request.route().key()
                              + " "
                              + request.kind()
                              + " "
                              + request.path()
                              + " -> "
                              + reply);
                    }
                  } finally {
                    inFlight.release();
                  }
                }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
      Map<String, Long> after = counts(stores, sandbox);
      Drill.report(
          "bad-input",
          "%d malformed requests over %d routes (each route %d to %d times): answers %s;"
              + " %d 5xx or non-problem 4xx; stores and journal unchanged: %s",
          requests.size(),
          routes.size(),
          perRoute.values().stream().mapToInt(AtomicInteger::get).min().orElse(0),
          perRoute.values().stream().mapToInt(AtomicInteger::get).max().orElse(0),
          new TreeMap<>(statuses),
          failures.size(),
          before.equals(after));
      assertThat(failures).as("5xx or 4xx without problem+json").isEmpty();
      assertThat(perRoute.keySet()).hasSize(routes.size());
      assertThat(after).isEqualTo(before);
    }
  }

  private static ShopClient.Reply send(ShopClient api, MalformedRequests.Request request) {
    Map<String, String> headers = new HashMap<>();
    if (request.body() != null) {
      headers.put("Content-Type", request.contentType());
    }
    return api.send(
        request.route().method(), request.path(), request.auth(), request.body(), headers);
  }

  private static Map<String, Long> counts(Stores stores, Sandbox sandbox) {
    Map<String, Long> counts = new TreeMap<>();
    counts.putAll(stores.rowCounts("user"));
    counts.putAll(stores.rowCounts("transaction"));
    counts.putAll(stores.mongoCounts());
    counts.put("sandbox.requests", (long) sandbox.journalSize());
    return counts;
  }
}
