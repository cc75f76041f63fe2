package shop.bench;

import java.util.Collection;
import java.util.List;

/**
 * Order statistics over a handful of samples: nearest-rank percentiles, the median interpolated.
 */
final class Stats {
  private Stats() {}

  /** The median; the mean of the two middle values for an even count. */
  static double median(Collection<Double> values) {
    List<Double> sorted = sorted(values);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * The nearest-rank percentile: the smallest value with at least {@code p}% of them at or below.
   */
  static double percentile(Collection<Double> values, double p) {
    List<Double> sorted = sorted(values);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static List<Double> sorted(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    return values.stream().sorted().toList();
  }
}
