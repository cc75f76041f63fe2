package shop.notification.delivery;

import java.time.Instant;
import java.util.Objects;
import shop.notification.message.Template;

/**
 * One entry of the send ledger, which is also the delivery log.
 *
 * @param orderId null for messages not about an order
 * @param occurredAt when the event happened; the log is newest first by it
 * @param createdAt when the send was first claimed
 * @param attempts how many times a consumer claimed it
 * @param provider who accepted it (ses, sendgrid, twilio), or null
 * @param providerMessageId the provider's id for it, or null
 * @param failure why the last attempt failed, or null
 */
public record Delivery(
    DeliveryKey key,
    String userId,
    String orderId,
    Template template,
    Instant occurredAt,
    DeliveryStatus status,
    Instant createdAt,
    Instant updatedAt,
    int attempts,
    String provider,
    String providerMessageId,
    String failure) {

  public Delivery {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A send about to be attempted for the first time. */
  public static Delivery starting(DeliveryKey key, Notification notification, Instant now) {
    return new Delivery(
        key,
        notification.userId(),
        notification.orderId(),
        notification.template(),
        notification.occurredAt(),
        DeliveryStatus.SENDING,
        now,
        now,
        1,
        null,
        null,
        null);
  }
}
