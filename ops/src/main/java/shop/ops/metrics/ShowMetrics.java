package shop.ops.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import shop.ops.deadletter.Consumer;
import shop.ops.deadletter.Consumers;
import shop.ops.deadletter.DeadLetterQueues;
import shop.ops.metrics.MetricStatistics.Statistic;
import shop.ops.metrics.MetricsOverview.ConsumerLoad;
import shop.ops.metrics.MetricsOverview.DeadLetterDepth;
import shop.ops.metrics.MetricsOverview.RouteLoad;
import shop.platform.domain.InvalidFieldException;

/**
 * The live metrics of the operator console: per route its request rate, p99 latency and 5xx errors,
 * per consumer its message age p99 and failures over the last minutes, and each dead-letter queue's
 * depth now. Names are the ones the platform emits under (docs/OBSERVABILITY.md).
 */
public final class ShowMetrics {
  private final MetricStatistics statistics;
  private final Consumers consumers;
  private final DeadLetterQueues queues;
  private final Clock clock;

  public ShowMetrics(
      MetricStatistics statistics, Consumers consumers, DeadLetterQueues queues, Clock clock) {
    this.statistics = statistics;
    this.consumers = consumers;
    this.queues = queues;
    this.clock = clock;
  }

  /**
   * The last {@code minutes} (1 to 1440: CloudWatch keeps one-minute points for a day and more).
   */
  public record Query(int minutes) {
    public Query {
      if (minutes < 1 || minutes > 1440) {
        throw new InvalidFieldException("minutes", "must be between 1 and 1440");
      }
    }
  }

  public MetricsOverview show(Query query) {
    Instant to = Instant.now(clock);
    Instant from = to.minus(Duration.ofMinutes(query.minutes()));
    double seconds = query.minutes() * 60.0;

    List<String> routes =
        statistics.dimensionValues("Requests", "route").stream().sorted().toList();
    List<String> consumerNames =
        statistics.dimensionValues("Messages", "consumer").stream().sorted().toList();
    List<Statistic> wanted = new ArrayList<>();
    for (String route : routes) {
      wanted.add(new Statistic("Requests", "route", route, "Sum"));
      wanted.add(new Statistic("LatencyMs", "route", route, "p99"));
      wanted.add(new Statistic("Errors5xx", "route", route, "Sum"));
    }
    for (String consumer : consumerNames) {
      wanted.add(new Statistic("MessageAgeMs", "consumer", consumer, "p99"));
      wanted.add(new Statistic("Failures", "consumer", consumer, "Sum"));
    }
    List<Double> values = wanted.isEmpty() ? List.of() : statistics.read(wanted, from, to);

    List<RouteLoad> routeLoads = new ArrayList<>();
    int i = 0;
    for (String route : routes) {
      routeLoads.add(
          new RouteLoad(
              route, values.get(i) / seconds, values.get(i + 1), Math.round(values.get(i + 2))));
      i += 3;
    }
    List<ConsumerLoad> consumerLoads = new ArrayList<>();
    for (String consumer : consumerNames) {
      consumerLoads.add(new ConsumerLoad(consumer, values.get(i), Math.round(values.get(i + 1))));
      i += 2;
    }
    List<DeadLetterDepth> depths =
        consumers.all().stream()
            .map(Consumer::deadLetterQueue)
            .distinct()
            .map(queue -> new DeadLetterDepth(queue, queues.count(queue)))
            .toList();
    return new MetricsOverview(routeLoads, consumerLoads, depths);
  }
}
