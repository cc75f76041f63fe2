package shop.bench;

import java.io.Writer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import shop.client.ApiFailure;
import shop.events.Topology;
import shop.localstack.Endpoints;
import shop.localstack.app.LocalShop;
import shop.localstack.runtime.Invocations;
import shop.localstack.runtime.Invocations.Invocation;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What an order costs on Lambda: warm, one order at a time through the local cloud, every handler
 * invocation along its saga (checkout, the price check it makes, each consumer's batches, anything
 * else the order set off) timed by the local runtime as Lambda bills it, and summed per function
 * and per order. An order's invocations are those that began between its placing and the next
 * order's; the next order is placed once PaymentCaptured is on the bus and no handler has finished
 * for {@link #QUIET}. The scheduled functions run on their own clock and are reported apart.
 */
public final class CostBenchmark {
  private static final Duration QUIET = Duration.ofMillis(500);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private CostBenchmark() {}

  public static void main(String[] args) {
    int status = 1;
    try {
      List<String> options = List.of(args);
      boolean quick = options.contains("--quick");
      int orders =
          options.stream()
              .filter(o -> o.startsWith("--orders="))
              .map(o -> Integer.parseInt(o.substring("--orders=".length())))
              .findFirst()
              .orElse(quick ? 30 : 200);
      run(orders, quick ? 5 : 20, options.contains("--provider-latency"));
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      System.exit(status);
    }
  }

  private static void run(int orders, int warmUp, boolean providerLatency) throws Exception {
    System.out.printf(
        "cost benchmark: %d orders one at a time after %d warm-up orders, %s, %d cores, JDK %s%n",
        orders,
        warmUp,
        providerLatency ? ProviderLatency.describe() : "the sandbox answering at once",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    LocalShop shop = LocalShops.start();
    Endpoints endpoints = shop.cloud().endpoints();
    try (SqsClient sqs = endpoints.sqsClient();
        EventBridgeClient bus = endpoints.eventBridgeClient();
        BusTap tap = BusTap.start(sqs, bus)) {
      HttpClient.Builder httpClient =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newVirtualThreadPerTaskExecutor());
      HttpClient http = httpClient.build();
      ShopClient client = new ShopClient(httpClient, shop.apiUrl());
      Fixtures fixtures = Fixtures.prepare(client, 1, 0, 1);
      if (providerLatency) {
        ProviderLatency.apply(http, endpoints.sandboxUrl());
      }
      String customer = fixtures.tokens().getFirst();
      String product = fixtures.productIds().getFirst();

      SandboxJournal journal = new SandboxJournal(http, endpoints.sandboxUrl());
      List<String> ids = new ArrayList<>();
      List<Invocation> seen = Collections.synchronizedList(new ArrayList<>());
      AtomicLong lastEnd = new AtomicLong(System.nanoTime());
      long[] starts = new long[orders + 1];
      long[] cpuAt = new long[orders + 1];
      var os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      Instant began = Instant.now();
      long measuredFrom;
      Map<Invocation, Double> invocationCpu;
      try (CpuTimeline timeline = CpuTimeline.start();
          AutoCloseable listening =
              Invocations.listen(
                  invocation -> {
                    seen.add(invocation);
                    if (!invocation.kind().equals("schedule")) {
                      lastEnd.set(System.nanoTime());
                    }
                  })) {
        for (int i = 0; i < warmUp; i++) {
          placeAndSettle(client, tap, customer, product, lastEnd);
        }
        journal.clear();
        measuredFrom = System.nanoTime();
        for (int i = 0; i < orders; i++) {
          starts[i] = System.nanoTime();
          cpuAt[i] = os.getProcessCpuTime();
          ids.add(placeAndSettle(client, tap, customer, product, lastEnd));
        }
        starts[orders] = System.nanoTime();
        cpuAt[orders] = os.getProcessCpuTime();
        invocationCpu = timeline.cpuMillis(List.copyOf(seen));
      }
      List<Double> cpu = new ArrayList<>();
      for (int i = 0; i < orders; i++) {
        cpu.add((cpuAt[i + 1] - cpuAt[i]) / 1e6);
      }
      CostReport.Run run = bucket(seen, starts, measuredFrom, cpu, invocationCpu);
      DeployedMemory deployed = DeployedMemory.read(DeployedMemory.FILE);
      CostReport report =
          new CostReport(run, CostBenchmark::deployedAs, function -> deployed.mb(function.name()));
      System.out.println();
      System.out.print(report.table());
      Path figures = Path.of(".shop", "cost-figures.properties");
      Files.createDirectories(figures.getParent());
      Properties measured = report.figures(began.truncatedTo(ChronoUnit.MINUTES).toString());
      List<SandboxJournal.ProviderCall> calls = journal.calls();
      perOrder(measured, "stripe", calls.stream().filter(c -> c.url().startsWith("/v1/")), orders);
      perOrder(
          measured,
          "emails",
          calls.stream()
              .filter(c -> c.url().startsWith("/v2/email") || c.url().startsWith("/v3/mail")),
          orders);
      perOrder(
          measured, "sms", calls.stream().filter(c -> c.url().startsWith("/2010-04-01/")), orders);
      liveMemory(measured);
      measured.setProperty(
          "events.perOrder",
          String.format(
              Locale.ROOT, "%.2f", ids.stream().mapToInt(tap::events).average().orElse(0)));
      System.out.printf(
          "per order: %s Stripe calls, %s emails, %s SMS, %s events on the bus%n",
          measured.getProperty("stripe.perOrder"),
          measured.getProperty("emails.perOrder"),
          measured.getProperty("sms.perOrder"),
          measured.getProperty("events.perOrder"));
      try (Writer out = Files.newBufferedWriter(figures)) {
        measured.store(out, "./shop bench cost: the figures ./shop bench capacity reads");
      }
      System.out.println("figures for ./shop bench capacity: " + figures);
    } finally {
      shop.close();
    }
  }

  /**
   * The local cloud's live heap (after a full collection) and its memory outside the heap (classes,
   * compiled code): every service and emulator together, an upper bound of one function's, which
   * the memory model ({@code ./shop bench memory}) sizes from.
   */
  private static void liveMemory(Properties figures) {
    var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
    memory.gc();
    figures.setProperty(
        "heap.liveMb",
        String.format(Locale.ROOT, "%.0f", memory.getHeapMemoryUsage().getUsed() / 1048576.0));
    figures.setProperty(
        "nonHeap.usedMb",
        String.format(Locale.ROOT, "%.0f", memory.getNonHeapMemoryUsage().getUsed() / 1048576.0));
    System.out.printf(
        "local cloud's memory after the run: live heap %s MB, outside the heap %s MB%n",
        figures.getProperty("heap.liveMb"), figures.getProperty("nonHeap.usedMb"));
  }

  private static void perOrder(
      Properties figures, String what, java.util.stream.Stream<?> calls, int orders) {
    figures.setProperty(
        what + ".perOrder", String.format(Locale.ROOT, "%.2f", calls.count() / (double) orders));
  }

  /**
   * Places one order and waits until its saga has run: captured, and no handler busy; answers its
   * id.
   */
  private static String placeAndSettle(
      ShopClient client, BusTap tap, String customer, String product, AtomicLong lastEnd)
      throws InterruptedException {
    String id = null;
    for (int attempt = 1; id == null; attempt++) {
      try {
        id = client.placeOrder(customer, product).getId();
      } catch (ApiFailure unavailable) {
        // A saturated machine can time a store out (503 with Retry-After): the client tries again.
        if (attempt == 3 || unavailable.status() != 503) {
          throw unavailable;
        }
        Thread.sleep(1000);
      }
    }
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (tap.seen(id, "PaymentCaptured").isEmpty()
        || System.nanoTime() - lastEnd.get() < QUIET.toNanos()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("order " + id + " was not captured within " + PATIENCE);
      }
      Thread.sleep(20);
    }
    return id;
  }

  /** Each measured order's invocations (by their start), and the scheduled ones apart. */
  static CostReport.Run bucket(
      List<Invocation> seen,
      long[] starts,
      long measuredFrom,
      List<Double> cpuMillis,
      Map<Invocation, Double> invocationCpu) {
    int orders = starts.length - 1;
    List<List<Invocation>> byOrder = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      byOrder.add(new ArrayList<>());
    }
    List<Invocation> scheduled = new ArrayList<>();
    synchronized (seen) {
      for (Invocation invocation : seen) {
        long at = invocation.startedNanos();
        if (at < measuredFrom || at >= starts[orders]) {
          continue;
        }
        if (invocation.kind().equals("schedule")) {
          scheduled.add(invocation);
          continue;
        }
        for (int i = orders - 1; i >= 0; i--) {
          if (at >= starts[i]) {
            byOrder.get(i).add(invocation);
            break;
          }
        }
      }
    }
    return new CostReport.Run(
        byOrder, scheduled, (starts[orders] - measuredFrom) / 1e9, cpuMillis, invocationCpu);
  }

  /**
   * The Lambda function that runs {@code invocation} in the cloud, named as the CDK app names it.
   */
  static CostReport.Function deployedAs(Invocation invocation) {
    String name = invocation.function();
    return switch (invocation.kind()) {
      case "http" -> new CostReport.Function("shop-" + name + "-api", name, "http");
      case "sqs" -> {
        String service =
            Topology.shop()
                .subscription(name)
                .orElseThrow(() -> new IllegalArgumentException("no consumer " + name))
                .service();
        yield new CostReport.Function("shop-" + service + "-" + name + "-events", service, "sqs");
      }
      case "schedule" -> {
        // The local schedules' names: "<service> outbox sweep", and transaction's two sweeps.
        String deployed =
            switch (name) {
              case "order expiry" -> "transaction expire-orders";
              case "pending refunds" -> "transaction settle-refunds";
              default -> name.split(" ")[0] + " outbox-sweep";
            };
        String service = deployed.split(" ")[0];
        yield new CostReport.Function(
            "shop-" + service + "-" + deployed.split(" ")[1], service, "cron");
      }
      default -> {
        // Invoke API: shop-<service>-outbox-ops
        String service = name.split("-")[1];
        yield new CostReport.Function(name, service, "invoke");
      }
    };
  }
}
