package shop.ops.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The shop's metrics as a metrics store keeps them (port; CloudWatch in production and locally).
 */
public interface MetricStatistics {

  /** Each value of {@code dimension} under which {@code metric} has data (every route, say). */
  List<String> dimensionValues(String metric, String dimension);

  /**
   * Each statistic over {@code from..to}, in the order asked, as one number: a sum over the whole
   * window, a percentile the highest of the periods it was read in; 0 where there is no data.
   */
  List<Double> read(List<Statistic> statistics, Instant from, Instant to);

  /**
   * A statistic of one metric under one dimension value.
   *
   * @param stat {@code Sum} or a percentile such as {@code p99}
   */
  record Statistic(String metric, String dimension, String value, String stat) {}
}
