package shop.notification.api;

import java.time.Instant;
import shop.notification.delivery.Delivery;

/**
 * One entry of the delivery log as the API shows it. Customers see what was sent to them; admins
 * also see the provider's ids and why a send failed.
 */
record NotificationView(
    String eventId,
    String channel,
    String template,
    String status,
    String recipient,
    String orderId,
    Instant occurredAt,
    Instant createdAt,
    Instant updatedAt,
    Integer attempts,
    String provider,
    String providerMessageId,
    String failure) {

  static NotificationView forCustomer(Delivery d) {
    return new NotificationView(
        d.key().eventId(),
        d.key().channel().name(),
        d.template().id(),
        d.status().name(),
        d.key().recipient(),
        d.orderId(),
        d.occurredAt(),
        d.createdAt(),
        d.updatedAt(),
        null,
        null,
        null,
        null);
  }

  static NotificationView forAdmin(Delivery d) {
    return new NotificationView(
        d.key().eventId(),
        d.key().channel().name(),
        d.template().id(),
        d.status().name(),
        d.key().recipient(),
        d.orderId(),
        d.occurredAt(),
        d.createdAt(),
        d.updatedAt(),
        d.attempts(),
        d.provider(),
        d.providerMessageId(),
        d.failure());
  }
}
