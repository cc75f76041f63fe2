package shop.ops.adapter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import shop.ops.metrics.MetricStatistics;
import shop.platform.observability.Metrics;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * The shop's metrics in CloudWatch (namespace {@value Metrics#NAMESPACE}, as the functions' EMF
 * lines put them): ListMetrics for what has data, GetMetricData for the statistics, each over the
 * whole window as one period (whole minutes, as CloudWatch wants periods of 60 s multiples).
 */
public final class CloudWatchMetrics implements MetricStatistics {
  /** GetMetricData's limit of queries per call. */
  private static final int QUERIES_PER_CALL = 500;

  private final CloudWatchClient cloudWatch;

  public CloudWatchMetrics(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  @Override
  public List<String> dimensionValues(String metric, String dimension) {
    TreeSet<String> values = new TreeSet<>();
    cloudWatch
        .listMetricsPaginator(
            r ->
                r.namespace(Metrics.NAMESPACE)
                    .metricName(metric)
                    .dimensions(DimensionFilter.builder().name(dimension).build()))
        .metrics()
        .forEach(
            m ->
                m.dimensions().stream()
                    .filter(d -> d.name().equals(dimension))
                    .forEach(d -> values.add(d.value())));
    return List.copyOf(values);
  }

  @Override
  public List<Double> read(List<Statistic> statistics, Instant from, Instant to) {
    Instant start = from.truncatedTo(ChronoUnit.MINUTES);
    Instant end = to.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    int period = (int) Duration.between(start, end).toSeconds();
    Map<String, Double> byId = new HashMap<>();
    for (int first = 0; first < statistics.size(); first += QUERIES_PER_CALL) {
      List<MetricDataQuery> queries = new ArrayList<>();
      for (int i = first; i < Math.min(statistics.size(), first + QUERIES_PER_CALL); i++) {
        queries.add(query("q" + i, statistics.get(i), period));
      }
      cloudWatch
          .getMetricDataPaginator(r -> r.startTime(start).endTime(end).metricDataQueries(queries))
          .metricDataResults()
          .forEach(result -> byId.merge(result.id(), fold(result, statistics), Double::sum));
    }
    List<Double> values = new ArrayList<>(statistics.size());
    for (int i = 0; i < statistics.size(); i++) {
      values.add(byId.getOrDefault("q" + i, 0.0));
    }
    return values;
  }

  /**
   * One number of a result: CloudWatch may split the window into more than one period (when it
   * aligns it), so sums are added and a percentile is the highest period's, an upper bound.
   */
  private static double fold(MetricDataResult result, List<Statistic> statistics) {
    Statistic statistic = statistics.get(Integer.parseInt(result.id().substring(1)));
    return statistic.stat().equals("Sum")
        ? result.values().stream().mapToDouble(Double::doubleValue).sum()
        : result.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  private static MetricDataQuery query(String id, Statistic statistic, int period) {
    return MetricDataQuery.builder()
        .id(id)
        .metricStat(
            s ->
                s.period(period)
                    .stat(statistic.stat())
                    .metric(
                        m ->
                            m.namespace(Metrics.NAMESPACE)
                                .metricName(statistic.metric())
                                .dimensions(
                                    d -> d.name(statistic.dimension()).value(statistic.value()))))
        .build();
  }
}
