package shop.notification.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import shop.notification.message.Template;

/**
 * The command to tell a customer about one event.
 *
 * @param eventId the CloudEvent id: with the channel and the recipient, the key of each send
 * @param orderId the order it is about, or null (a welcome)
 * @param occurredAt when the event happened: the time the delivery log sorts by
 * @param model the template's values: strings, booleans, lists of maps of such (no nulls)
 */
public record Notification(
    String eventId,
    Template template,
    String userId,
    String orderId,
    Instant occurredAt,
    Contact contact,
    Map<String, Object> model) {

  public Notification {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(contact, "contact");
    model = Map.copyOf(model);
  }
}
