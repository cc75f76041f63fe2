package shop.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import shop.bench.coldstart.TrivialHandler;
import shop.localstack.app.LocalShop;

/**
 * Starts every deployed Lambda handler cold: a fresh JVM per run with Lambda's flags, the service's
 * jar as deployed and the service's environment pointing at a local cloud started here, timed from
 * launch to the response to one realistic first event. A trivial handler started the same way is
 * the floor. Runs go round-robin over the handlers so that the machine's noise spreads evenly; one
 * extra, untimed run per handler logs its class loading (and warms the page cache for its jar).
 */
public final class ColdStartBenchmark {
  private static int retried;

  private ColdStartBenchmark() {}

  public static void main(String[] args) {
    int status = 1;
    try {
      List<String> options = List.of(args);
      run(
          options.stream()
              .filter(o -> o.startsWith("--runs="))
              .map(o -> Integer.parseInt(o.substring("--runs=".length())))
              .findFirst()
              .orElse(options.contains("--quick") ? 3 : 10),
          options.stream()
              .filter(o -> o.startsWith("--options="))
              .flatMap(o -> Stream.of(o.substring("--options=".length()).split(",")))
              .filter(o -> !o.isBlank())
              .toList(),
          options.stream()
              .filter(o -> o.startsWith("--only="))
              .flatMap(o -> Stream.of(o.substring("--only=".length()).split(",")))
              .filter(o -> !o.isBlank())
              .toList(),
          !options.contains("--no-prime"),
          options.stream()
              .filter(o -> o.startsWith("--class-logs="))
              .map(o -> Path.of(o.substring("--class-logs=".length())).toAbsolutePath())
              .findFirst());
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      System.exit(status);
    }
  }

  /**
   * {@code startOptions}: start-up options measured beside each plain start ({@code appcds}, {@code
   * c2}); {@code only}: the handlers' simple names to start (empty: all); {@code primed}: each
   * handler primed too; {@code classLogs}: where to keep each case's class-load log.
   */
  private static void run(
      int runs,
      List<String> startOptions,
      List<String> only,
      boolean primed,
      Optional<Path> classLogs)
      throws Exception {
    System.out.printf(
        "cold-start benchmark: %d runs per handler, flags %s, %d cores, JDK %s%n",
        runs,
        String.join(" ", ColdStartProbe.LAMBDA_FLAGS),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    LocalShop shop = LocalShops.start();
    Path scratch = Files.createTempDirectory("coldstart");
    try {
      List<ColdStartCase> cases =
          cases(shop, scratch).stream()
              .filter(
                  c ->
                      only.isEmpty()
                          || c.service().equals("floor")
                          || only.contains(c.handler().substring(c.handler().lastIndexOf('.') + 1)))
              .flatMap(
                  c ->
                      c.service().equals("floor")
                          ? Stream.of(c)
                          : Stream.concat(
                              Stream.concat(Stream.of(c), startOptions.stream().map(c::with)),
                              primed ? Stream.of(c.primedToo()) : Stream.empty()))
              .toList();
      if (classLogs.isPresent()) {
        Files.createDirectories(classLogs.get());
      }
      ColdStartProbe probe = new ColdStartProbe(Path.of("").toAbsolutePath(), scratch, classLogs);
      Map<ColdStartCase, ColdStartSample> classLoads = new LinkedHashMap<>();
      Map<ColdStartCase, List<ColdStartSample>> timed = new LinkedHashMap<>();
      for (ColdStartCase c : cases) {
        classLoads.put(c, sample(probe, shop, c, true));
        timed.put(c, new ArrayList<>());
      }
      for (int run = 1; run <= runs; run++) {
        System.out.printf("run %d of %d%n", run, runs);
        for (ColdStartCase c : cases) {
          timed.get(c).add(sample(probe, shop, c, false));
        }
      }
      List<ColdStartReport.Row> rows = new ArrayList<>();
      for (ColdStartCase c : cases) {
        rows.add(
            new ColdStartReport.Row(
                c.label(),
                c.event(),
                timed.get(c),
                classLoads.get(c),
                c.service().equals("floor") ? null : c.targetMillis()));
      }
      System.out.println();
      System.out.print(ColdStartReport.table(rows.getFirst(), rows));
      System.out.printf("children retried after giving no answer: %d%n", retried);
    } finally {
      shop.close();
      try (var files = Files.list(scratch)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(scratch);
    }
  }

  /**
   * One start of {@code c}. A child that gives no answer (on a saturated machine a cold function's
   * first connection can outlast its pool's acquire timeout) is started once more, and counted.
   */
  private static ColdStartSample sample(
      ColdStartProbe probe, LocalShop shop, ColdStartCase c, boolean logClasses)
      throws IOException, InterruptedException {
    // The floor runs from the smallest service jar, so that it opens a jar of the same kind.
    String service = c.service().equals("floor") ? "ops" : c.service();
    for (int attempt = 1; ; attempt++) {
      try {
        return probe.run(
            service,
            c.handler(),
            c.eventArgs().get(),
            shop.environment(service),
            c.primed(),
            c.option(),
            logClasses);
      } catch (IllegalStateException noAnswer) {
        if (attempt == 2) {
          throw noAnswer;
        }
        retried++;
        System.out.printf("%s: %s; starting it once more%n", c.label(), noAnswer.getMessage());
      }
    }
  }

  /** Every handler the CDK app deploys (infra/), each with the first event its trigger sends. */
  private static List<ColdStartCase> cases(LocalShop shop, Path scratch) {
    HttpClient.Builder httpClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor());
    HttpClient http = httpClient.build();
    ShopClient client = new ShopClient(httpClient, shop.apiUrl());
    // Tokens expire during a long run: every run logs in afresh (before the clock starts).
    Supplier<String> admin = () -> client.adminToken();
    String customerEmail = "coldstart-customer@example.com";
    Supplier<String> token = () -> client.token(customerEmail, ShopClient.PASSWORD);
    String customer = client.register(customerEmail);
    client.saveVisa(customer);
    String userId = client.userId(customer);
    String adminId = client.userId(admin.get());
    String productId = client.productIds(1).getFirst();
    String orderId = client.placeOrder(customer, productId).getId();

    Supplier<List<String>> none = List::of;
    return List.of(
        new ColdStartCase(
            "floor",
            TrivialHandler.class.getName(),
            "GET /health",
            true,
            http("GET", "/health", "-", "-")),
        new ColdStartCase(
            "product",
            "shop.product.api.ProductApi",
            "GET /products?limit=20",
            true,
            http("GET", "/products", "limit=20", "-")),
        new ColdStartCase(
            "product",
            "shop.product.api.InventoryEventsHandler",
            "SQS OrderCreated",
            false,
            sqs(
                scratch,
                "shop-inventory",
                () -> SampleEvents.orderCreated(UUID.randomUUID().toString(), userId, productId))),
        new ColdStartCase(
            "product",
            "shop.product.api.OutboxSweepHandler",
            "schedule",
            false,
            () -> List.of("scheduled")),
        new ColdStartCase(
            "product",
            "shop.product.api.EnsureIndexesHandler",
            "{} (indexes exist)",
            false,
            () -> List.of("map")),
        new ColdStartCase(
            "user",
            "shop.user.api.UserApi",
            "GET /.well-known/jwks.json",
            true,
            http("GET", "/.well-known/jwks.json", "-", "-")),
        new ColdStartCase(
            "user",
            "shop.user.api.CartEventsHandler",
            "SQS OrderCreated",
            false,
            sqs(
                scratch,
                "shop-carts",
                () -> SampleEvents.orderCreated(UUID.randomUUID().toString(), userId, productId))),
        new ColdStartCase(
            "user",
            "shop.user.api.OutboxSweepHandler",
            "schedule",
            false,
            () -> List.of("scheduled")),
        new ColdStartCase(
            "user",
            "shop.user.api.SeedAdminHandler",
            "{userId} (admin exists)",
            false,
            () -> List.of("map", "userId=" + adminId)),
        new ColdStartCase(
            "user", "shop.user.api.MigrateHandler", "{} (up to date)", false, () -> List.of("map")),
        new ColdStartCase(
            "transaction",
            "shop.transaction.api.OrdersApi",
            "GET /orders (token)",
            true,
            http("GET", "/orders", "-", token)),
        new ColdStartCase(
            "transaction",
            "shop.transaction.api.PaymentEventsHandler",
            "SQS InventoryReserved",
            false,
            sqs(scratch, "shop-payments", () -> SampleEvents.inventoryReserved(orderId))),
        new ColdStartCase(
            "transaction",
            "shop.transaction.api.OutboxSweepHandler",
            "schedule",
            false,
            () -> List.of("map")),
        new ColdStartCase(
            "transaction",
            "shop.transaction.api.ExpireOrdersHandler",
            "schedule",
            false,
            () -> List.of("map")),
        new ColdStartCase(
            "transaction",
            "shop.transaction.api.SettleRefundsHandler",
            "schedule",
            false,
            () -> List.of("map")),
        new ColdStartCase(
            "transaction",
            "shop.transaction.api.MigrateHandler",
            "{} (up to date)",
            false,
            () -> List.of("map")),
        new ColdStartCase(
            "notification",
            "shop.notification.api.NotificationApi",
            "GET /notifications (token)",
            true,
            http("GET", "/notifications", "-", token)),
        new ColdStartCase(
            "notification",
            "shop.notification.api.NotificationEventsHandler",
            "SQS OrderCreated",
            false,
            sqs(
                scratch,
                "shop-notifications",
                () -> SampleEvents.orderCreated(UUID.randomUUID().toString(), userId, productId))),
        new ColdStartCase(
            "ops",
            "shop.ops.api.OpsApi",
            "GET /admin/dlqs (admin)",
            true,
            http("GET", "/admin/dlqs", "-", admin)),
        new ColdStartCase(
            "ops",
            "shop.ops.api.TrailEventsHandler",
            "SQS OrderCreated",
            false,
            sqs(
                scratch,
                "shop-trail",
                () -> SampleEvents.orderCreated(UUID.randomUUID().toString(), userId, productId))));
  }

  private static Supplier<List<String>> http(
      String method, String path, String query, String token) {
    return () -> List.of("http", method, path, query, token);
  }

  private static Supplier<List<String>> http(
      String method, String path, String query, Supplier<String> token) {
    return () -> List.of("http", method, path, query, token.get());
  }

  /** A fresh message body per run, in a file the child reads. */
  private static Supplier<List<String>> sqs(Path scratch, String queue, Supplier<String> body) {
    return () -> {
      try {
        Path file =
            Files.writeString(
                scratch.resolve(queue + "-" + UUID.randomUUID() + ".json"), body.get());
        return List.of("sqs", file.toString(), "arn:aws:sqs:us-east-1:000000000000:" + queue);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }
}
