package shop.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One consumer of the bus: an EventBridge rule sending the listed events to the consumer's own SQS
 * queue, with a dead-letter queue after {@code maxReceiveCount} failed receives, consumed by {@code
 * handler} in batches.
 *
 * @param consumer short name, unique on the bus (e.g. {@code inventory})
 * @param service the service module that owns the handler
 * @param events the event types the rule matches
 * @param handler fully qualified class name of the SQS handler (a Lambda RequestHandler)
 * @param maxReceiveCount receives before a message moves to the DLQ
 * @param batchSize the most messages per handler call
 * @param maxConcurrency the most concurrent handler calls (Lambda event source mapping scaling
 *     limit, at least 2)
 * @param visibilityTimeoutSeconds how long a received message stays hidden; above the handler's
 *     timeout
 */
public record Subscription(
    String consumer,
    String service,
    Set<EventType> events,
    String handler,
    int maxReceiveCount,
    int batchSize,
    int maxConcurrency,
    int visibilityTimeoutSeconds) {

  public Subscription {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(handler, "handler");
    events = Set.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException(consumer + " subscribes to no event");
    }
    if (batchSize < 1 || batchSize > 10) {
      throw new IllegalArgumentException(consumer + ": SQS batch size must be 1..10");
    }
    if (maxConcurrency < 2) {
      throw new IllegalArgumentException(
          consumer + ": Lambda maximum concurrency must be at least 2");
    }
    if (maxReceiveCount < 1) {
      throw new IllegalArgumentException(consumer + ": maxReceiveCount must be positive");
    }
  }

  /** The consumer's queue name. */
  public String queue() {
    return "shop-" + consumer;
  }

  /** The consumer's dead-letter queue name. */
  public String deadLetterQueue() {
    return "shop-" + consumer + "-dlq";
  }

  /**
   * The dead-letter queue of the rule's target: events EventBridge could not put on {@link
   * #queue()} (the queue gone, its key or policy wrong) after its own retries. Operators replay it
   * like the consumer's DLQ.
   */
  public String undeliverableQueue() {
    return rule() + "-undeliverable";
  }

  /** The EventBridge rule name. */
  public String rule() {
    return "shop-" + consumer;
  }

  /**
   * The EventBridge event pattern as JSON. Sources and detail-types are matched independently; that
   * is exact because each event name is published by one source only (IAM enforces it in the
   * cloud).
   */
  public String eventPattern() {
    List<EventType> sorted = events.stream().sorted().toList();
    Set<String> sources =
        sorted.stream().map(EventType::source).collect(Collectors.toCollection(LinkedHashSet::new));
    return "{\"source\":"
        + jsonArray(sources)
        + ",\"detail-type\":"
        + jsonArray(sorted.stream().map(EventType::eventName).toList())
        + "}";
  }

  private static String jsonArray(java.util.Collection<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}
