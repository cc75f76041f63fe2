package shop.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import shop.localstack.CloudPorts;
import shop.localstack.Endpoints;
import shop.localstack.app.LocalShop;

/**
 * Boots the whole shop on ephemeral ports and drives each hot path at a fixed concurrency for a
 * fixed time: {@code GET /health} through the same local API is the floor the others are read
 * against. After checkout's load, waits until every accepted order is PAID: every OrderCreated was
 * delivered and handled.
 */
public final class LoadBenchmark {
  private static final int PRODUCTS = 10;
  private static final int CUSTOMERS = 16;
  private static final int LOGIN_USERS = 8;

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int status = 1;
    try {
      run(List.of(args).contains("--quick"));
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      // The emulators leave non-daemon threads behind; the figures are printed, so stop here.
      System.exit(status);
    }
  }

  private static void run(boolean quick) throws Exception {
    Duration measured = Duration.ofSeconds(quick ? 3 : 10);
    Duration warmUp = Duration.ofSeconds(quick ? 1 : 3);
    System.out.printf(
        "load benchmark: %s measured, %s warm-up per scenario, %d cores%n",
        measured, warmUp, Runtime.getRuntime().availableProcessors());
    LocalShop shop = LocalShop.start(CloudPorts.ephemeral(), 0);
    // Not closed: closing waits for every exchange, and the process ends after the figures anyway.
    HttpClient.Builder httpClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor());
    HttpClient http = httpClient.build();
    try {
      ShopClient client = new ShopClient(httpClient, shop.apiUrl());
      Load load = new Load(http, warmUp, measured);
      Fixtures fixtures = Fixtures.prepare(client, CUSTOMERS, LOGIN_USERS, PRODUCTS);
      Endpoints endpoints = shop.cloud().endpoints();
      SignedRequests signed =
          new SignedRequests(
              endpoints.accessKeyId(), endpoints.secretAccessKey(), endpoints.region());
      byte[] cart =
          client.bytes(
              Map.of(
                  "items",
                  fixtures.productIds().stream()
                      .map(id -> Map.of("productId", id, "quantity", 1))
                      .toList()));

      Result floor = load.run("floor GET /health", 32, c -> client.get("/health", null));
      List<Result> results = new ArrayList<>(List.of(floor));
      results.add(
          load.run("GET /products?limit=20", 32, c -> client.get("/products?limit=20", null)));
      results.add(
          load.run(
              "POST /internal/price-quotes",
              32,
              c -> signed.post(shop.apiUrl().resolve("/internal/price-quotes"), cart)));
      // With 32 clients on 2 cores a request's p99 is mostly its wait for a core; one client per
      // core shows what a call itself takes.
      int cores = Runtime.getRuntime().availableProcessors();
      results.add(
          load.run(
              "POST /internal/price-quotes",
              cores,
              c -> signed.post(shop.apiUrl().resolve("/internal/price-quotes"), cart)));
      results.add(
          load.run(
              "POST /auth/login", LOGIN_USERS, c -> client.login(fixtures.loginEmails().get(c))));
      // A password hash keeps one core busy for its whole cost, so logins beyond one per core
      // only queue: this row is what a login costs when nothing waits for a core.
      results.add(
          load.run("POST /auth/login", cores, c -> client.login(fixtures.loginEmails().get(c))));
      results.add(
          load.run(
              "GET /users/me",
              32,
              c -> client.get("/users/me", fixtures.tokens().get(c % CUSTOMERS))));
      Queue<String> orders = new ConcurrentLinkedQueue<>();
      results.add(
          load.run(
              "POST /orders (1 item)",
              CUSTOMERS,
              c ->
                  client.placeOrderRequest(
                      fixtures.tokens().get(c),
                      fixtures.productIds().get((int) (Math.random() * PRODUCTS))),
              body -> orders.add(client.read(body).path("id").asText())));
      System.out.println();
      System.out.print(Report.table(floor, results));
      System.out.println();
      awaitPaid(client, fixtures.adminToken(), List.copyOf(orders), quick);
    } finally {
      shop.close();
    }
  }

  /** Every accepted order must reach PAID: OrderCreated delivered, stock reserved, card charged. */
  private static void awaitPaid(
      ShopClient client, String adminToken, List<String> orders, boolean quick) throws Exception {
    Instant start = Instant.now();
    Instant deadline = start.plus(Duration.ofSeconds(quick ? 60 : 120));
    List<String> waiting = orders;
    while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
      waiting = notPaid(client, adminToken, waiting);
      if (!waiting.isEmpty()) {
        Thread.sleep(1000);
      }
    }
    System.out.printf(
        "orders accepted: %d; PAID: %d; not PAID after %ds: %d%n",
        orders.size(),
        orders.size() - waiting.size(),
        Duration.between(start, Instant.now()).toSeconds(),
        waiting.size());
    if (!waiting.isEmpty()) {
      System.out.println("not PAID, e.g.: " + waiting.subList(0, Math.min(5, waiting.size())));
    }
  }

  private static List<String> notPaid(ShopClient client, String adminToken, List<String> orders) {
    List<Future<String>> statuses;
    try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
      statuses =
          orders.stream()
              .map(id -> threads.submit(() -> client.orderStatus(adminToken, id)))
              .toList();
    }
    return IntStream.range(0, orders.size())
        .filter(
            i ->
                !"PAID"
                    .equals(
                        statuses.get(i).state() == Future.State.SUCCESS
                            ? statuses.get(i).resultNow()
                            : null))
        .mapToObj(orders::get)
        .toList();
  }
}
