package shop.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import shop.localstack.runtime.Invocations.Invocation;

/**
 * Billed time per order: each order's handler invocations grouped by the function that would run
 * them on Lambda, summed per order, then p50/p99 over the orders per function and in total, the
 * invoking thread's CPU against the wall clock, and the GB-seconds and dollars at the deployed
 * memory sizes (the CPU part slowed below one vCPU, as {@link MemoryModel} does). The CPU beside it
 * is the whole local cloud's (every thread of the JVM: handlers, drivers, emulators) while the
 * order ran: the handlers run on virtual threads, whose CPU time the JVM does not report one by
 * one, so that is an upper bound of what the handlers spent on a core. Each function's CPU is its
 * invocations' share of that CPU ({@link CpuTimeline}), the same kind of upper bound; the rest of
 * its billed time waited on I/O (or for a core).
 */
final class CostReport {
  /**
   * Lambda's arm64 duration price, us-east-1, first 7.5 billion GB-s a month, and the request
   * price: the published rates (aws.amazon.com/lambda/pricing) as of 2026-12-06, unchanged since
   * arm64 came to Lambda in 2021-09.
   */
  static final double USD_PER_GB_SECOND = 0.0000133334;

  static final double USD_PER_REQUEST = 0.20 / 1_000_000;
  static final String PRICE_DATE = "2026-12-06";

  private static final String ROW = "%-40s %6s %6s %7s %7s %8s %7s %6s %9s %8s%n";

  /** A function as deployed: its name, the service whose memory setting it has, and its trigger. */
  record Function(String name, String service, String kind) {}

  /**
   * What was measured: each order's invocations, the scheduled ones beside the orders, and the
   * local cloud's CPU milliseconds during each order, and each invocation's share of it ({@link
   * CpuTimeline}).
   */
  record Run(
      List<List<Invocation>> orders,
      List<Invocation> scheduled,
      double seconds,
      List<Double> cpuMillis,
      Map<Invocation, Double> invocationCpuMillis) {}

  private final Run run;
  private final java.util.function.Function<Invocation, Function> deployedAs;
  private final java.util.function.ToIntFunction<Function> memoryMb;

  CostReport(
      Run run,
      java.util.function.Function<Invocation, Function> deployedAs,
      java.util.function.ToIntFunction<Function> memoryMb) {
    if (run.orders().isEmpty()) {
      throw new IllegalArgumentException("no orders");
    }
    this.run = run;
    this.deployedAs = deployedAs;
    this.memoryMb = memoryMb;
  }

  /** One function's figures per order; {@code cpu}: its invocations' share of the CPU, mean. */
  record Line(
      Function function,
      double invocations,
      double p50,
      double p99,
      double mean,
      double cpu,
      int memoryMb) {
    /**
     * The mean billed time at the deployed memory: measured with a whole core, so its CPU part is
     * slowed below one vCPU as {@link MemoryModel#billedMs} does; the wait on I/O is not.
     */
    double deployedMs() {
      double cpuPart = Math.min(cpu, mean);
      return MemoryModel.billedMs(cpuPart, mean - cpuPart, memoryMb);
    }

    double gbSecondsPer1000() {
      return deployedMs() / 1000 * memoryMb / 1024.0 * 1000;
    }

    double dollarsPer1000() {
      return gbSecondsPer1000() * USD_PER_GB_SECOND + invocations * 1000 * USD_PER_REQUEST;
    }
  }

  List<Line> lines() {
    Map<Function, List<Double>> billed = new TreeMap<>(CostReport::byKindThenName);
    Map<Function, Integer> calls = new LinkedHashMap<>();
    for (List<Invocation> order : run.orders()) {
      for (Invocation invocation : order) {
        Function function = deployedAs.apply(invocation);
        billed.putIfAbsent(function, new ArrayList<>());
        calls.merge(function, 1, Integer::sum);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Function function : billed.keySet()) {
      List<Double> perOrder = new ArrayList<>();
      double cpu = 0;
      for (List<Invocation> order : run.orders()) {
        cpu +=
            order.stream()
                .filter(i -> deployedAs.apply(i).equals(function))
                .mapToDouble(i -> run.invocationCpuMillis().getOrDefault(i, 0.0))
                .sum();
        perOrder.add(
            (double)
                order.stream()
                    .filter(i -> deployedAs.apply(i).equals(function))
                    .mapToLong(Invocation::billedMillis)
                    .sum());
      }
      lines.add(
          new Line(
              function,
              calls.get(function) / (double) run.orders().size(),
              Stats.median(perOrder),
              Stats.percentile(perOrder, 99),
              perOrder.stream().mapToDouble(Double::doubleValue).average().orElse(0),
              cpu / run.orders().size(),
              memoryMb.applyAsInt(function)));
    }
    return lines;
  }

  /** Each order's billed milliseconds over every function. */
  List<Double> totals() {
    return run.orders().stream()
        .map(o -> (double) o.stream().mapToLong(Invocation::billedMillis).sum())
        .toList();
  }

  String table() {
    List<Line> lines = lines();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "function (billed per order)",
            "kind",
            "calls",
            "p50 ms",
            "p99 ms",
            "mean ms",
            "cpu ms",
            "MB",
            "GB-s/1k",
            "$/1k"));
    double gbSeconds = 0;
    double dollars = 0;
    for (Line line : lines) {
      out.append(
          String.format(
              Locale.ROOT,
              ROW,
              line.function().name(),
              line.function().kind(),
              String.format(Locale.ROOT, "%.2f", line.invocations()),
              ms(line.p50()),
              ms(line.p99()),
              String.format(Locale.ROOT, "%.1f", line.mean()),
              String.format(Locale.ROOT, "%.1f", line.cpu()),
              line.memoryMb(),
              String.format(Locale.ROOT, "%.2f", line.gbSecondsPer1000()),
              String.format(Locale.ROOT, "%.4f", line.dollarsPer1000())));
      gbSeconds += line.gbSecondsPer1000();
      dollars += line.dollarsPer1000();
    }
    List<Double> totals = totals();
    double calls = run.orders().stream().mapToInt(List::size).average().orElse(0);
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "total",
            "",
            String.format(Locale.ROOT, "%.2f", calls),
            ms(Stats.median(totals)),
            ms(Stats.percentile(totals, 99)),
            String.format(
                Locale.ROOT, "%.1f", totals.stream().mapToDouble(d -> d).average().orElse(0)),
            "",
            "",
            String.format(Locale.ROOT, "%.2f", gbSeconds),
            String.format(Locale.ROOT, "%.4f", dollars)));
    double billed = totals.stream().mapToDouble(d -> d).sum();
    double cpu = run.cpuMillis().stream().mapToDouble(d -> d).sum();
    out.append(
        String.format(
            Locale.ROOT,
            "%nCPU of the whole local cloud (handlers, drivers, emulators) while an order ran: p50 %s"
                + " ms, %s %% of its billed ms; the rest (at least %s %%) waited on I/O or for a"
                + " core.%n",
            ms(Stats.median(run.cpuMillis())),
            percent(billed == 0 ? 0 : Math.min(1, cpu / billed)),
            percent(billed == 0 ? 1 : Math.max(0, 1 - cpu / billed))));
    out.append(
        String.format(
            Locale.ROOT,
            "Prices: arm64 $%.10f per GB-s and $0.20 per million requests (us-east-1, %s).%n",
            USD_PER_GB_SECOND,
            PRICE_DATE));
    out.append(scheduled());
    out.append(
        String.format(
            Locale.ROOT,
            "total billed per order: p50 %s ms, p99 %s ms%n",
            ms(Stats.median(totals)),
            ms(Stats.percentile(totals, 99))));
    return out.toString();
  }

  /**
   * The scheduled functions run on their clock whatever the orders: reported apart, as what one run
   * costs and what their deployed rate costs a month.
   */
  private String scheduled() {
    if (run.scheduled().isEmpty()) {
      return "";
    }
    Map<Function, List<Invocation>> byFunction = new TreeMap<>(CostReport::byKindThenName);
    for (Invocation invocation : run.scheduled()) {
      byFunction
          .computeIfAbsent(deployedAs.apply(invocation), f -> new ArrayList<>())
          .add(invocation);
    }
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Scheduled functions (not per order; here outbox sweeps every 5 s, expiry every"
                    + " minute, refunds every 15 s; deployed every minute and every 5 minutes), over"
                    + " %.0f s:%n",
                run.seconds()));
    for (Map.Entry<Function, List<Invocation>> entry : byFunction.entrySet()) {
      List<Double> billed = entry.getValue().stream().map(i -> (double) i.billedMillis()).toList();
      out.append(
          String.format(
              Locale.ROOT,
              "  %-40s %4d runs, p50 %s ms, p99 %s ms%n",
              entry.getKey().name(),
              billed.size(),
              ms(Stats.median(billed)),
              ms(Stats.percentile(billed, 99))));
    }
    return out.toString();
  }

  /** The figures the capacity model reads ({@code ./shop bench capacity}). */
  Properties figures(String measured) {
    Properties figures = new Properties();
    figures.setProperty("measured", measured);
    figures.setProperty("orders", Integer.toString(run.orders().size()));
    List<Double> totals = totals();
    figures.setProperty("total.p50Ms", ms(Stats.median(totals)));
    figures.setProperty("total.p99Ms", ms(Stats.percentile(totals, 99)));
    List<String> names = new ArrayList<>();
    for (Line line : lines()) {
      String key = "function." + line.function().name() + ".";
      names.add(line.function().name());
      figures.setProperty(key + "service", line.function().service());
      figures.setProperty(key + "kind", line.function().kind());
      figures.setProperty(key + "calls", String.format(Locale.ROOT, "%.3f", line.invocations()));
      figures.setProperty(key + "meanMs", String.format(Locale.ROOT, "%.2f", line.mean()));
      // a share, not milliseconds: it carries over to a run that did not measure it
      figures.setProperty(
          key + "cpuShare",
          String.format(Locale.ROOT, "%.3f", line.mean() == 0 ? 0 : line.cpu() / line.mean()));
      figures.setProperty(key + "p99Ms", ms(line.p99()));
      figures.setProperty(key + "memoryMb", Integer.toString(line.memoryMb()));
    }
    figures.setProperty("functions", String.join(",", names));
    return figures;
  }

  private static int byKindThenName(Function a, Function b) {
    int kind = a.kind().compareTo(b.kind());
    return kind != 0 ? kind : a.name().compareTo(b.name());
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f", share * 100);
  }
}
