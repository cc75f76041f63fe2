package shop.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.ops.deadletter.Consumer;
import shop.ops.deadletter.Consumers;
import shop.ops.deadletter.DeadLetter;
import shop.ops.deadletter.DeadLetterQueues;
import shop.ops.metrics.MetricsOverview.ConsumerLoad;
import shop.ops.metrics.MetricsOverview.DeadLetterDepth;
import shop.ops.metrics.MetricsOverview.RouteLoad;
import shop.platform.domain.InvalidFieldException;

class ShowMetricsTest {
  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

  private final FakeStatistics statistics = new FakeStatistics();
  private final ShowMetrics show =
      new ShowMetrics(
          statistics,
          new Consumers(
              List.of(
                  new Consumer("inventory", "inventory-q", "inventory-dlq", "r"),
                  Consumer.undeliverable(
                      "inventory", "inventory-q", "inventory-undeliverable", "r"),
                  new Consumer("notifications", "notes-q", "notes-dlq", "r2"))),
          new Depths(Map.of("inventory-dlq", 3L)),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void givesEachRouteItsRateP99AndServerErrorsOverTheWindow() {
    statistics.put("Requests", "route", "GET /products", "Sum", 1800);
    statistics.put("LatencyMs", "route", "GET /products", "p99", 42.5);
    statistics.put("Errors5xx", "route", "GET /products", "Sum", 2);
    statistics.put("Requests", "route", "POST /orders", "Sum", 9);

    MetricsOverview overview = show.show(new ShowMetrics.Query(15));

    assertThat(overview.routes())
        .containsExactly(
            new RouteLoad("GET /products", 2.0, 42.5, 2),
            new RouteLoad("POST /orders", 0.01, 0, 0));
    assertThat(statistics.from).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    assertThat(statistics.to).isEqualTo(NOW);
  }

  @Test
  void givesEachConsumerItsMessageAgeP99AndFailures() {
    statistics.put("Messages", "consumer", "inventory", "Sum", 10);
    statistics.put("MessageAgeMs", "consumer", "inventory", "p99", 350);
    statistics.put("Failures", "consumer", "inventory", "Sum", 1);

    assertThat(show.show(new ShowMetrics.Query(5)).consumers())
        .containsExactly(new ConsumerLoad("inventory", 350, 1));
  }

  @Test
  void readsEachConsumersOwnFigures() {
    statistics.put("Messages", "consumer", "inventory", "Sum", 10);
    statistics.put("MessageAgeMs", "consumer", "inventory", "p99", 350);
    statistics.put("Messages", "consumer", "notifications", "Sum", 4);
    statistics.put("MessageAgeMs", "consumer", "notifications", "p99", 90);
    statistics.put("Failures", "consumer", "notifications", "Sum", 3);

    assertThat(show.show(new ShowMetrics.Query(5)).consumers())
        .containsExactly(
            new ConsumerLoad("inventory", 350, 0), new ConsumerLoad("notifications", 90, 3));
  }

  @Test
  void givesEveryDeadLetterQueueItsDepthEvenWithoutMetrics() {
    MetricsOverview overview = show.show(new ShowMetrics.Query(15));

    assertThat(overview.routes()).isEmpty();
    assertThat(overview.consumers()).isEmpty();
    assertThat(statistics.from).as("nothing to read: CloudWatch is not asked").isNull();
    assertThat(overview.deadLetters())
        .containsExactly(
            new DeadLetterDepth("inventory-dlq", 3),
            new DeadLetterDepth("inventory-undeliverable", 0),
            new DeadLetterDepth("notes-dlq", 0));
  }

  @Test
  void aWindowOfOneMinuteOrAWholeDayIsAllowed() {
    assertThat(new ShowMetrics.Query(1).minutes()).isEqualTo(1);
    assertThat(new ShowMetrics.Query(1440).minutes()).isEqualTo(1440);
  }

  @Test
  void refusesAWindowOutsideOneMinuteToADayNamingMinutes() {
    assertThatThrownBy(() -> new ShowMetrics.Query(0))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("minutes");
    assertThatThrownBy(() -> new ShowMetrics.Query(1441))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("minutes");
  }

  /** Canned statistics; a dimension value has data once any of its metrics has a value. */
  private static final class FakeStatistics implements MetricStatistics {
    final Map<MetricStatistics.Statistic, Double> values = new HashMap<>();
    Instant from;
    Instant to;

    void put(String metric, String dimension, String value, String stat, double number) {
      values.put(new Statistic(metric, dimension, value, stat), number);
    }

    @Override
    public List<String> dimensionValues(String metric, String dimension) {
      return values.keySet().stream()
          .filter(s -> s.metric().equals(metric) && s.dimension().equals(dimension))
          .map(Statistic::value)
          .toList();
    }

    @Override
    public List<Double> read(List<Statistic> statistics, Instant from, Instant to) {
      this.from = from;
      this.to = to;
      return statistics.stream().map(s -> values.getOrDefault(s, 0.0)).toList();
    }
  }

  /** Queues that only count. */
  private record Depths(Map<String, Long> depths) implements DeadLetterQueues {
    @Override
    public long count(String queue) {
      return depths.getOrDefault(queue, 0L);
    }

    @Override
    public List<DeadLetter> receive(String queue, Duration hideFor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void release(String queue, List<DeadLetter> letters) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void send(String queue, DeadLetter letter) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String queue, DeadLetter letter) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String startMoveBack(String deadLetterQueue, String sourceQueue, int maxPerSecond) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MoveProgress moveProgress(String deadLetterQueue, String taskHandle) {
      throw new UnsupportedOperationException();
    }
  }
}
