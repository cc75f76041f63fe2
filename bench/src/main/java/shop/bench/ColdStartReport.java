package shop.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cold-start table: per handler the medians of launch-to-response and of its parts, the classes
 * it loaded (and how many of them in the first invocation), its ratio to the trivial handler's
 * median from the same run, and its target.
 */
final class ColdStartReport {
  private static final String ROW = "%-34s %-28s %8s %6s %8s %8s %8s %8s %7s %7s %-8s %7s %s%n";

  private ColdStartReport() {}

  /**
   * One handler's timed runs, and the untimed run that logged its class loading; {@code
   * targetMillis} is null for the floor and for primed starts (read for their first call).
   */
  record Row(
      String handler,
      String event,
      List<ColdStartSample> samples,
      ColdStartSample classLoad,
      Double targetMillis) {
    double total() {
      return Stats.median(samples.stream().map(ColdStartSample::totalMillis).toList());
    }

    double part(java.util.function.ToDoubleFunction<ColdStartSample> part) {
      return Stats.median(samples.stream().map(part::applyAsDouble).toList());
    }

    int classes() {
      return classLoad.classes();
    }

    int classesInInvoke() {
      return classLoad.classesInInvoke();
    }

    String heaviest() {
      return classLoad.heaviest();
    }

    String outcomes() {
      Set<String> seen = new LinkedHashSet<>();
      samples.forEach(s -> seen.add(s.outcome()));
      return String.join(",", seen);
    }

    String verdict() {
      if (targetMillis == null) {
        return "-";
      }
      return (total() <= targetMillis ? "met" : "OVER") + " (" + targetMillis.intValue() + ")";
    }
  }

  static String table(Row floor, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    StringBuilder libraries = new StringBuilder("\nMost classes loaded, by library:\n");
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "handler",
            "first event",
            "total ms",
            "xfloor",
            "to main",
            "ctor ms",
            "prime ms",
            "1st call",
            "classes",
            "in call",
            "outcome",
            "runs",
            "target ms"));
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              ROW,
              row.handler(),
              row.event(),
              ms(row.total()),
              String.format(Locale.ROOT, "%.1f", row.total() / floor.total()),
              ms(row.part(ColdStartSample::mainMillis)),
              ms(row.part(ColdStartSample::constructorMillis)),
              row.part(ColdStartSample::primeMillis) < 0
                  ? "-"
                  : ms(row.part(ColdStartSample::primeMillis)),
              ms(row.part(ColdStartSample::invokeMillis)),
              row.classes(),
              row.classesInInvoke(),
              row.outcomes(),
              row.samples().size(),
              row.verdict()));
      libraries.append(String.format(Locale.ROOT, "%-34s %s%n", row.handler(), row.heaviest()));
    }
    return out.append(libraries).toString();
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }
}
