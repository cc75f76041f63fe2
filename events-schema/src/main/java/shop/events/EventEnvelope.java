package shop.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One integration event with its CloudEvent attributes.
 *
 * @param id unique per event; every consumer's idempotency key
 * @param type the event's type in the catalogue
 * @param subject the aggregate id
 * @param sequence the aggregate's version after the change, so consumers can ignore stale events
 * @param time when the change happened
 * @param data the payload
 */
public record EventEnvelope<T extends ShopEvent>(
    String id, EventType type, String subject, long sequence, Instant time, T data) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
    if (!type.recordType().isInstance(data)) {
      throw new IllegalArgumentException(type + " cannot carry " + data.getClass().getSimpleName());
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
    }
  }

  /** A new event about {@code data}'s aggregate, with a fresh id. */
  public static <T extends ShopEvent> EventEnvelope<T> of(T data, long sequence, Instant time) {
    return new EventEnvelope<>(
        UUID.randomUUID().toString(), EventType.of(data), data.subject(), sequence, time, data);
  }

  /** The EventBridge source, {@code shop.<service>}. */
  public String source() {
    return type.source();
  }
}
