package shop.ops.trail;

import java.time.Instant;
import java.util.Objects;

/**
 * One event about an order, as the trail consumer keeps it: its CloudEvent attributes and, for
 * payments and refunds, what money moved or why not.
 *
 * @param type the CloudEvent type, e.g. {@code shop.payment.captured.v1}
 * @param source the CloudEvent source, e.g. {@code shop.transaction}
 * @param amount minor units, or null when the event names no amount
 * @param currency ISO currency of {@code amount}, or null
 * @param reason why a payment failed, or null
 */
public record TrailEvent(
    String orderId,
    String eventId,
    String type,
    String source,
    Instant time,
    Long amount,
    String currency,
    String reason) {

  public TrailEvent {
    requireText(orderId, "orderId");
    requireText(eventId, "eventId");
    requireText(type, "type");
    requireText(source, "source");
    Objects.requireNonNull(time, "time");
  }

  /** Whether money moved or failed to: a payment or a refund. */
  public boolean isPayment() {
    return type.startsWith("shop.payment.") || type.startsWith("shop.refund.");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
