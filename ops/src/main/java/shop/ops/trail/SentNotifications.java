package shop.ops.trail;

import java.time.Instant;
import java.util.List;

/** The notification service's send ledger, read for one order (port). */
public interface SentNotifications {
  /** {@code orderId}'s notifications, in any order. */
  List<SentNotification> ofOrder(String orderId);

  /**
   * One notification for an order.
   *
   * @param eventId the event that caused it
   * @param channel {@code EMAIL} or {@code SMS}
   * @param template what it said, e.g. {@code order-confirmation}
   * @param status {@code SENT}, {@code SENDING} or {@code FAILED}
   * @param failure why it failed, or null
   */
  record SentNotification(
      Instant time,
      String eventId,
      String channel,
      String template,
      String status,
      String failure) {}
}
