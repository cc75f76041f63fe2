package shop.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import shop.client.ApiFailure;
import shop.events.Subscription;
import shop.events.Topology;
import shop.localstack.Endpoints;
import shop.localstack.app.LocalShop;
import shop.notification.NotificationModule;
import shop.notification.api.NotificationEventsHandler;
import shop.platform.config.Config;
import shop.product.ProductModule;
import shop.product.api.InventoryEventsHandler;
import shop.transaction.TransactionModule;
import shop.transaction.api.PaymentEventsHandler;
import shop.user.UserModule;
import shop.user.api.CartEventsHandler;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The event pipeline of checkout on the local cloud, in four parts.
 *
 * <ol>
 *   <li>Latency under load: orders placed by a few clients; for each, from the 201 of {@code POST
 *       /orders} to OrderCreated, InventoryReserved and PaymentCaptured on the bus and the emails
 *       at the provider sandbox, p50/p99 per stage.
 *   <li>Notification latency: OrderCreated put on the bus at a steady, modest rate; from each on
 *       the bus to its email at the provider sandbox.
 *   <li>Throughput: each consumer (inventory, payments, notifications, carts) drains a queue filled
 *       beforehand, against a plain receive/delete loop on the same messages (the floor). Payments
 *       gets real InventoryReserved events: its rule is disabled while orders are placed and
 *       reserved, and the bus tap keeps the events it would have received.
 *   <li>Memory: the peak resident memory of the local cloud (this JVM and PostgreSQL) throughout.
 * </ol>
 */
public final class PipelineBenchmark {
  private static final int CUSTOMERS = 8;
  private static final int PRODUCTS = 10;
  private static final int WARM_UP = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * OrderCreated per second for the notification latency: a steady flow (430,000 orders a day) that
   * leaves most of the 2 cores idle, so the figure is the path's own. Each OrderCreated sets off
   * three consumers and a second event on the local cloud, about 60 ms of its CPU; at 25/s the
   * cores are saturated and the latency is queueing.
   */
  private static final int STEADY_RATE = 5;

  private PipelineBenchmark() {}

  public static void main(String[] args) {
    int status = 1;
    try {
      List<String> options = List.of(args);
      run(options.contains("--quick"), only(options));
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      System.exit(status);
    }
  }

  /**
   * The consumers named by {@code --only=inventory,notifications}: only their throughput is
   * measured, without the latency part, to look at one consumer quickly. Empty: everything.
   */
  private static Set<String> only(List<String> options) {
    return options.stream()
        .filter(o -> o.startsWith("--only="))
        .flatMap(o -> Stream.of(o.substring("--only=".length()).split(",")))
        .collect(Collectors.toSet());
  }

  private static void run(boolean quick, Set<String> only) throws Exception {
    int latencyOrders = quick ? 60 : 200;
    int reservedOrders = quick ? 100 : 300;
    int events = quick ? 500 : 2000;
    System.out.printf(
        "pipeline benchmark: %d orders for latency, %d events per consumer (payments: %d"
            + " orders), %d cores%n",
        latencyOrders, events, reservedOrders, Runtime.getRuntime().availableProcessors());
    LocalShop shop = LocalShops.start();
    Endpoints endpoints = shop.cloud().endpoints();
    try (MemorySampler memory = new MemorySampler(postgresPorts(endpoints));
        SqsClient sqs = endpoints.sqsClient();
        EventBridgeClient bus = endpoints.eventBridgeClient()) {
      HttpClient.Builder httpClient =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newVirtualThreadPerTaskExecutor());
      HttpClient http = httpClient.build();
      ShopClient client = new ShopClient(httpClient, shop.apiUrl());
      Fixtures fixtures = Fixtures.prepare(client, CUSTOMERS, 0, PRODUCTS);
      String userId = client.userId(fixtures.tokens().getFirst());
      SandboxJournal journal = new SandboxJournal(http, endpoints.sandboxUrl());
      BusTap tap = BusTap.start(sqs, bus);

      Predicate<String> measured = consumer -> only.isEmpty() || only.contains(consumer);
      if (only.isEmpty()) {
        journal.clear();
        Map<String, PlacedOrder> committed = placeOrders(client, fixtures, latencyOrders, 4);
        Map<String, PipelineLatencies.Order> trail =
            awaitPipeline(tap, journal, committed, Duration.ofSeconds(quick ? 60 : 120));
        System.out.println();
        System.out.println("Latency, " + committed.size() + " orders placed by 4 clients:");
        System.out.print(PipelineLatencies.table(PipelineLatencies.stages(trail)));
      }

      // From here on payments' rule is off: the tap keeps the InventoryReserved of the orders
      // placed next, and the InventoryReserved of the made-up orders below (orders that do not
      // exist) would otherwise keep the shop's own payments consumer failing on the same cores.
      Subscription payments = subscription("payments");
      bus.disableRule(r -> r.name(payments.rule()).eventBusName(Topology.shop().busName()));
      List<String> products = fixtures.productIds();
      Supplier<String> orderCreated =
          () ->
              SampleEvents.orderCreated(
                  UUID.randomUUID().toString(),
                  userId,
                  products.get(ThreadLocalRandom.current().nextInt(products.size())));
      if (measured.test("notifications")) {
        journal.clear();
        int steady = STEADY_RATE * (quick ? 8 : 30);
        List<String> published = publishSteadily(bus, generate(orderCreated, steady), STEADY_RATE);
        PipelineLatencies.Stage toEmail =
            awaitReceivedEmails(tap, journal, published, Duration.ofSeconds(60));
        System.out.println();
        System.out.printf(
            "Notification latency, %d OrderCreated put on the bus at %d/s, nothing else going"
                + " on:%n",
            steady, STEADY_RATE);
        System.out.print(PipelineLatencies.table(List.of(toEmail)));
      }
      List<String> reservedEvents =
          measured.test("payments")
              ? awaitReserved(
                  tap,
                  placeOrders(client, fixtures, reservedOrders, 8).keySet(),
                  Duration.ofMinutes(3))
              : List.of();
      tap.close();

      // Each consumer's module is built only when it is measured; the goals are #4's and #7's.
      List<Drained> consumers =
          List.of(
              new Drained(
                  "inventory",
                  () -> generate(orderCreated, WARM_UP + events),
                  () ->
                      new InventoryEventsHandler(
                          new ProductModule(new Config(shop.environment("product")))),
                  500),
              new Drained(
                  "payments",
                  () -> reservedEvents,
                  () ->
                      new PaymentEventsHandler(
                          TransactionModule.from(new Config(shop.environment("transaction")))),
                  0),
              new Drained(
                  "notifications",
                  () -> generate(orderCreated, WARM_UP + events),
                  () ->
                      new NotificationEventsHandler(
                          new NotificationModule(new Config(shop.environment("notification")))),
                  500),
              new Drained(
                  "carts",
                  () -> generate(orderCreated, WARM_UP + events),
                  () -> new CartEventsHandler(new UserModule(new Config(shop.environment("user")))),
                  0));
      QueueDrain drain = new QueueDrain(sqs);
      List<ThroughputReport.Row> rows = new ArrayList<>();
      for (Drained consumer : consumers) {
        if (measured.test(consumer.name())) {
          rows.add(
              measure(
                  drain,
                  subscription(consumer.name()),
                  consumer.bodies().get(),
                  consumer.handler().get(),
                  consumer.target()));
        }
      }
      bus.enableRule(r -> r.name(payments.rule()).eventBusName(Topology.shop().busName()));
      System.out.println();
      System.out.println(
          "Consumer throughput (after " + WARM_UP + " warm-up messages each, not counted):");
      System.out.print(ThroughputReport.table(rows));

      MemorySampler.Peak peak = memory.peak();
      System.out.println();
      System.out.printf(
          "Peak resident memory during the run: JVM RSS %d MB; PostgreSQL (%d processes) PSS %d MB"
              + " (RSS summed %d MB); JVM + PostgreSQL PSS %d MB%n",
          peak.jvmRss() / 1024,
          peak.postgresProcesses(),
          peak.postgresPss() / 1024,
          peak.postgresRss() / 1024,
          peak.total() / 1024);
    } finally {
      shop.close();
    }
  }

  /**
   * Places {@code count} one-item orders from {@code clients} clients; for each, when it committed
   * (its {@code createdAt}, stamped in the transaction that writes it and its OrderCreated).
   * Refused orders (a 503 when the price check times out under load) are counted and placed again.
   */
  private static Map<String, PlacedOrder> placeOrders(
      ShopClient client, Fixtures fixtures, int count, int clients) {
    Map<String, PlacedOrder> placed = new ConcurrentHashMap<>();
    AtomicInteger left = new AtomicInteger(count);
    AtomicInteger refused = new AtomicInteger();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        String token = fixtures.tokens().get(c % fixtures.tokens().size());
        threads.execute(
            () -> {
              while (left.getAndDecrement() > 0) {
                String product =
                    fixtures.productIds().get((int) (Math.random() * fixtures.productIds().size()));
                try {
                  var order = client.placeOrder(token, product);
                  placed.put(
                      order.getId(),
                      new PlacedOrder(
                          order.getCreatedAt().toInstant().toEpochMilli(),
                          System.currentTimeMillis()));
                } catch (ApiFailure e) {
                  refused.incrementAndGet();
                  left.incrementAndGet();
                }
              }
            });
      }
    }
    if (refused.get() > 0) {
      System.out.printf("%d orders refused and placed again%n", refused.get());
    }
    return placed;
  }

  /** A consumer whose queue is drained: its messages and a fresh handler, made when measured. */
  private record Drained(
      String name,
      Supplier<List<String>> bodies,
      Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> handler,
      double target) {}

  /** When an order committed (its createdAt) and when its 201 reached the client. */
  record PlacedOrder(long committed, long answered) {}

  /** Waits until every order's confirmation email reached the provider, or the deadline. */
  private static Map<String, PipelineLatencies.Order> awaitPipeline(
      BusTap tap, SandboxJournal journal, Map<String, PlacedOrder> committed, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    Map<String, PipelineLatencies.Order> trail;
    do {
      Thread.sleep(2000);
      trail = trail(tap, journal.calls(), committed);
    } while (trail.values().stream().anyMatch(o -> o.confirmedEmail().isEmpty())
        && System.nanoTime() < deadline);
    return trail;
  }

  private static Map<String, PipelineLatencies.Order> trail(
      BusTap tap, List<SandboxJournal.ProviderCall> calls, Map<String, PlacedOrder> committed) {
    List<SandboxJournal.ProviderCall> notifications =
        calls.stream().filter(SandboxJournal.ProviderCall::notification).toList();
    Map<String, PipelineLatencies.Order> trail = new LinkedHashMap<>();
    committed.forEach(
        (id, at) ->
            trail.put(
                id,
                new PipelineLatencies.Order(
                    at.committed(),
                    at.answered(),
                    tap.seen(id, "OrderCreated"),
                    tap.seen(id, "InventoryReserved"),
                    tap.seen(id, "PaymentCaptured"),
                    firstCall(notifications, "We received your order " + id),
                    firstCall(notifications, "Your order " + id + " is confirmed"))));
    return trail;
  }

  private static Optional<Long> firstCall(List<SandboxJournal.ProviderCall> calls, String subject) {
    return calls.stream()
        .filter(c -> c.body().contains(subject))
        .map(SandboxJournal.ProviderCall::loggedAt)
        .min(Long::compare);
  }

  /**
   * Puts the events of {@code bodies} (SQS bodies: EventBridge envelopes) on the bus, {@code rate}
   * per second, each on time whatever the previous one's answer time; returns their order ids.
   */
  private static List<String> publishSteadily(EventBridgeClient bus, List<String> bodies, int rate)
      throws InterruptedException {
    List<String> orderIds = new ArrayList<>();
    long start = System.nanoTime();
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < bodies.size(); i++) {
        JsonNode envelope = JSON.readTree(bodies.get(i));
        orderIds.add(envelope.path("detail").path("data").path("orderId").asText());
        PutEventsRequestEntry entry =
            PutEventsRequestEntry.builder()
                .eventBusName(Topology.shop().busName())
                .source(envelope.path("source").asText())
                .detailType(envelope.path("detail-type").asText())
                .detail(envelope.path("detail").toString())
                .build();
        TimeUnit.NANOSECONDS.sleep(start + i * period - System.nanoTime());
        threads.execute(
            () -> {
              var response = bus.putEvents(r -> r.entries(entry));
              if (response.failedEntryCount() > 0) {
                throw new IllegalStateException("the bus refused " + response.entries());
              }
            });
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return orderIds;
  }

  /** From each order's OrderCreated on the bus to its first 'received' email at the provider. */
  private static PipelineLatencies.Stage awaitReceivedEmails(
      BusTap tap, SandboxJournal journal, List<String> orderIds, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    List<Double> millis;
    do {
      Thread.sleep(1000);
      List<SandboxJournal.ProviderCall> calls =
          journal.calls().stream().filter(SandboxJournal.ProviderCall::notification).toList();
      millis =
          orderIds.stream()
              .flatMap(
                  id ->
                      tap
                          .seen(id, "OrderCreated")
                          .flatMap(
                              onBus ->
                                  firstCall(calls, "We received your order " + id)
                                      .map(email -> (double) (email - onBus)))
                          .stream())
              .toList();
    } while (millis.size() < orderIds.size() && System.nanoTime() < deadline);
    return new PipelineLatencies.Stage(
        "OrderCreated on the bus -> 'received' email at provider",
        millis,
        orderIds.size() - millis.size());
  }

  /** The InventoryReserved bodies of {@code orders}, once the tap has seen them all. */
  private static List<String> awaitReserved(BusTap tap, Set<String> orders, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (orders.stream().anyMatch(id -> tap.body(id, "InventoryReserved").isEmpty())
        && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    return orders.stream().flatMap(id -> tap.body(id, "InventoryReserved").stream()).toList();
  }

  /**
   * Drains {@code bodies} through the floor and through the consumer, each on a queue of its own;
   * the first {@link #WARM_UP} of them warm both up and are not counted.
   */
  private static ThroughputReport.Row measure(
      QueueDrain drain,
      Subscription subscription,
      List<String> bodies,
      RequestHandler<SQSEvent, SQSBatchResponse> handler,
      double target)
      throws InterruptedException {
    List<String> warmUp = bodies.subList(0, WARM_UP);
    List<String> timed = bodies.subList(WARM_UP, bodies.size());
    String name = subscription.consumer();
    System.out.printf("draining %d %s messages...%n", timed.size(), name);
    String floorQueue = drain.queue("bench-floor-" + name, subscription);
    drain.fill(floorQueue, warmUp);
    drain.floor(floorQueue, warmUp.size(), subscription.batchSize(), subscription.maxConcurrency());
    drain.fill(floorQueue, timed);
    QueueDrain.Drained floor =
        drain.floor(
            floorQueue, timed.size(), subscription.batchSize(), subscription.maxConcurrency());
    String queue = drain.queue("bench-" + name, subscription);
    drain.fill(queue, warmUp);
    drain.consume(queue, warmUp.size(), subscription, handler);
    drain.fill(queue, timed);
    QueueDrain.Drained consumed = drain.consume(queue, timed.size(), subscription, handler);
    return new ThroughputReport.Row(
        name, subscription.batchSize(), subscription.maxConcurrency(), floor, consumed, target);
  }

  private static List<String> generate(Supplier<String> body, int count) {
    return IntStream.range(0, count).mapToObj(i -> body.get()).toList();
  }

  private static Subscription subscription(String consumer) {
    return Topology.shop()
        .subscription(consumer)
        .orElseThrow(() -> new IllegalStateException("no subscription " + consumer));
  }

  private static Set<Integer> postgresPorts(Endpoints endpoints) {
    return endpoints.postgres().values().stream()
        .map(db -> URI.create(db.jdbcUrl().replaceFirst("^jdbc:", "")).getPort())
        .collect(Collectors.toSet());
  }
}
