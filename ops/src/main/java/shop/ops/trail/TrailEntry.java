package shop.ops.trail;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an order's trail.
 *
 * @param kind {@value #EVENT}, {@value #CONSUMER}, {@value #NOTIFICATION} or {@value #PAYMENT}
 * @param type what happened within its kind: the CloudEvent type of an event or a payment, the
 *     consumer's outcome ({@code handled}, {@code failed}, {@code dead-lettered}, {@code
 *     replayed}), a notification's channel and template
 * @param eventId the event the line is about, or null
 * @param consumer the consumer of a {@value #CONSUMER} line, or null
 * @param detail words for people (a failure reason, an amount, a recipient's channel), or null
 */
public record TrailEntry(
    Instant time, String kind, String type, String eventId, String consumer, String detail) {
  public static final String EVENT = "event";
  public static final String CONSUMER = "consumer";
  public static final String NOTIFICATION = "notification";
  public static final String PAYMENT = "payment";

  public TrailEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
  }
}
