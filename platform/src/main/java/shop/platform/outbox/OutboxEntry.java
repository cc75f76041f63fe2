package shop.platform.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A claimed outbox entry, as much as sending it needs.
 *
 * @param id the CloudEvent id
 * @param eventType the versioned CloudEvent type, e.g. {@code shop.order.created.v1}
 * @param source the EventBridge source, {@code shop.<service>}
 * @param time when the change happened; null when the stored event has none (it is parked)
 * @param detail the structured CloudEvent JSON
 * @param attempts failed sends so far
 * @param traceHeader the X-Ray trace header of the work that wrote it, or null
 */
public record OutboxEntry(
    String id,
    String eventType,
    String source,
    Instant time,
    String detail,
    int attempts,
    String traceHeader) {
  /** An entry written outside any trace. */
  public OutboxEntry(
      String id, String eventType, String source, Instant time, String detail, int attempts) {
    this(id, eventType, source, time, detail, attempts, null);
  }

  public OutboxEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(detail, "detail");
  }
}
