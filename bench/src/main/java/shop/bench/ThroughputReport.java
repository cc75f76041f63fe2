package shop.bench;

import java.util.List;
import java.util.Locale;

/**
 * Consumer throughput per queue against the raw SQS floor of the same queue, messages, batch size
 * and concurrency: the goal is at least 70 % of the floor, and for some consumers a rate of their
 * own (the issues' targets).
 */
final class ThroughputReport {
  static final double FLOOR_GOAL = 0.70;
  private static final String ROW = "%-14s %5s %5s %7s %12s %14s %7s %7s  %s%n";

  /** One queue's two drains; {@code target} is a rate to reach in events per second, or 0. */
  record Row(
      String consumer,
      int batchSize,
      int concurrency,
      QueueDrain.Drained floor,
      QueueDrain.Drained consumed,
      double target) {
    double ratio() {
      return consumed.perSecond() / floor.perSecond();
    }

    String verdict() {
      String ratio = ratio() >= FLOOR_GOAL ? ">=70% met" : "<70% MISSED";
      if (target <= 0) {
        return ratio;
      }
      return ratio
          + "; >="
          + (int) target
          + "/s "
          + (consumed.perSecond() >= target ? "met" : "MISSED");
    }
  }

  private ThroughputReport() {}

  static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "queue",
            "batch",
            "conc",
            "events",
            "floor ev/s",
            "consumer ev/s",
            "ratio",
            "failed",
            "goals"));
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              ROW,
              row.consumer(),
              row.batchSize(),
              row.concurrency(),
              row.consumed().messages(),
              String.format(Locale.ROOT, "%.1f", row.floor().perSecond()),
              String.format(Locale.ROOT, "%.1f", row.consumed().perSecond()),
              String.format(Locale.ROOT, "%.2f", row.ratio()),
              row.consumed().failed(),
              row.verdict()));
    }
    return out.toString();
  }
}
