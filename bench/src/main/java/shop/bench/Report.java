package shop.bench;

import java.util.List;
import java.util.Locale;

/**
 * The printed table: one row per scenario, with its throughput as a fraction of the floor's and its
 * p99 as a multiple of the floor's, so runs on a busy machine compare with each other.
 */
final class Report {
  private static final String ROW = "%-28s %7s %9s %10s %8s %8s %8s %7s %9s %9s%n";

  private Report() {}

  static String table(Result floor, List<Result> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "scenario",
            "clients",
            "requests",
            "req/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "errors",
            "rps/floor",
            "p99/floor"));
    for (Result r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              ROW,
              r.name(),
              r.clients(),
              r.requests(),
              String.format(Locale.ROOT, "%.1f", r.throughput()),
              ms(r.p50()),
              ms(r.p99()),
              ms(r.p999()),
              r.errors(),
              String.format(Locale.ROOT, "%.3f", r.throughput() / floor.throughput()),
              String.format(Locale.ROOT, "%.1f", r.p99() / floor.p99())));
    }
    return out.toString();
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.2f", millis);
  }
}
