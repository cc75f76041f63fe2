package shop.ops.metrics;

import java.util.List;

/** How the shop did over a window: its routes, its consumers and its dead-letter queues. */
public record MetricsOverview(
    List<RouteLoad> routes, List<ConsumerLoad> consumers, List<DeadLetterDepth> deadLetters) {

  public MetricsOverview {
    routes = List.copyOf(routes);
    consumers = List.copyOf(consumers);
    deadLetters = List.copyOf(deadLetters);
  }

  /** A route (API Gateway route key, {@code unmatched} for none) over the window. */
  public record RouteLoad(String route, double requestsPerSecond, double p99Ms, long errors5xx) {}

  /** A consumer over the window: how long its messages waited, how many failed. */
  public record ConsumerLoad(String consumer, double ageP99Ms, long failures) {}

  /** A dead-letter queue now. */
  public record DeadLetterDepth(String queue, long depth) {}
}
