package shop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localstack.runtime.Invocations.Invocation;

class CostReportTest {
  private static final Map<String, Integer> MEMORY =
      Map.of("transaction", 1024, "product", 512, "notification", 1024, "user", 1024);

  private static Invocation http(String service, long startedMs, double wallMs, double cpuMs) {
    return new Invocation(
        service, "http", startedMs * 1_000_000, (long) (wallMs * 1e6), (long) (cpuMs * 1e6), 1);
  }

  private static Invocation sqs(String consumer, long startedMs, double wallMs) {
    return new Invocation(consumer, "sqs", startedMs * 1_000_000, (long) (wallMs * 1e6), 0, 1);
  }

  private static CostReport report(List<List<Invocation>> orders) {
    return new CostReport(
        new CostReport.Run(
            orders, List.of(), 10, orders.stream().map(o -> 10.0).toList(), cpuOf(orders)),
        CostBenchmark::deployedAs,
        function -> MEMORY.get(function.service()));
  }

  /** Each invocation's CPU share: the invoking thread's CPU of these fixtures. */
  private static Map<Invocation, Double> cpuOf(List<List<Invocation>> orders) {
    Map<Invocation, Double> cpu = new java.util.IdentityHashMap<>();
    orders.forEach(order -> order.forEach(i -> cpu.put(i, i.cpuNanos() / 1e6)));
    return cpu;
  }

  @Test
  void billsEachInvocationRoundedUpToTheMillisecondAndSumsThemPerOrder() {
    CostReport report =
        report(
            List.of(
                List.of(http("transaction", 0, 40.2, 10), sqs("inventory", 50, 9.5)),
                List.of(http("transaction", 100, 60, 30), sqs("inventory", 170, 20)),
                List.of(http("transaction", 200, 30, 10), sqs("inventory", 260, 10))));

    assertThat(report.totals()).containsExactly(51.0, 80.0, 40.0);
    assertThat(report.table())
        .contains("while an order ran: p50 10 ms, 18 % of its billed ms")
        .endsWith("total billed per order: p50 51 ms, p99 80 ms\n");
  }

  @Test
  void groupsInvocationsByTheirDeployedFunctionWithTheirCost() {
    CostReport report =
        report(
            List.of(
                List.of(http("transaction", 0, 100, 25), sqs("inventory", 150, 10)),
                List.of(http("transaction", 300, 100, 25), sqs("inventory", 450, 10))));

    List<CostReport.Line> lines = report.lines();

    assertThat(lines)
        .extracting(l -> l.function().name())
        .containsExactly("shop-transaction-api", "shop-product-inventory-events");
    CostReport.Line checkout = lines.getFirst();
    assertThat(checkout.p50()).isEqualTo(100.0);
    // 100 ms measured, 25 of them CPU, which 1 GB (0.58 of a vCPU) stretches to 43.2 ms: 118.2 ms
    // at 1 GB, a thousand times: 118.2 GB-s, plus a thousand requests
    double deployedMs = 75 + 25 * 1769 / 1024.0;
    assertThat(checkout.deployedMs()).isCloseTo(deployedMs, within(1e-9));
    assertThat(checkout.gbSecondsPer1000()).isCloseTo(deployedMs, within(1e-9));
    assertThat(checkout.dollarsPer1000())
        .isCloseTo(
            deployedMs * CostReport.USD_PER_GB_SECOND + 1000 * CostReport.USD_PER_REQUEST,
            within(1e-12));
    assertThat(lines.get(1).memoryMb()).isEqualTo(512);
  }

  @Test
  void theFiguresNameEveryFunctionForTheCapacityModel() {
    CostReport report =
        report(List.of(List.of(http("transaction", 0, 100, 25), sqs("inventory", 150, 10))));

    var figures = report.figures("2026-12-06T08:00Z");

    assertThat(figures.getProperty("functions"))
        .isEqualTo("shop-transaction-api,shop-product-inventory-events");
    assertThat(figures.getProperty("function.shop-product-inventory-events.meanMs"))
        .isEqualTo("10.00");
    assertThat(figures.getProperty("function.shop-transaction-api.cpuShare")).isEqualTo("0.250");
    assertThat(figures.getProperty("total.p50Ms")).isEqualTo("110");
  }

  @Test
  void anOrdersInvocationsAreThoseThatBeganBeforeTheNextOrderAndScheduledOnesStandApart() {
    Invocation before = http("transaction", 5, 1, 0);
    Invocation first = http("transaction", 10, 1, 0);
    Invocation lateForFirst = sqs("inventory", 19, 1);
    Invocation second = http("transaction", 20, 1, 0);
    Invocation sweep =
        new Invocation("user outbox sweep", "schedule", 25 * 1_000_000L, 1_000_000, 0, 1);
    Invocation after = http("transaction", 40, 1, 0);
    long[] starts = {10 * 1_000_000L, 20 * 1_000_000L, 30 * 1_000_000L};

    CostReport.Run run =
        CostBenchmark.bucket(
            List.of(before, first, lateForFirst, second, sweep, after),
            starts,
            10 * 1_000_000L,
            List.of(5.0, 6.0),
            Map.of());

    assertThat(run.orders()).containsExactly(List.of(first, lateForFirst), List.of(second));
    assertThat(run.scheduled()).containsExactly(sweep);
  }
}
