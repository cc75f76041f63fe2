package shop.notification.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.events.Customer;
import shop.events.EventEnvelope;
import shop.events.OrderCancelled;
import shop.events.OrderCreated;
import shop.events.OrderLine;
import shop.events.PaymentActionRequired;
import shop.events.PaymentCaptured;
import shop.events.PaymentFailed;
import shop.events.ShopEvent;
import shop.events.UserRegistered;
import shop.notification.delivery.Contact;
import shop.notification.delivery.Notification;
import shop.notification.message.CancellationReason;
import shop.notification.message.Money;
import shop.notification.message.Template;

/**
 * Translates the integration events this service consumes into its own command, at the edge: which
 * template, who to tell, and the template's values (money already formatted for its currency).
 */
public final class EventNotifications {
  private final Locale locale;

  public EventNotifications(Locale locale) {
    this.locale = locale;
  }

  /** The notification for {@code event}; throws for an event this service does not consume. */
  public Notification of(EventEnvelope<? extends ShopEvent> event) {
    return switch (event.data()) {
      case UserRegistered e ->
          new Notification(
              event.id(),
              Template.WELCOME,
              e.userId(),
              null,
              event.time(),
              new Contact(e.email(), e.name(), e.phone(), false),
              Map.of("name", e.name(), "email", e.email()));
      case OrderCreated e ->
          order(event, Template.ORDER_RECEIVED, e.userId(), e.orderId(), e.customer())
              .with("lines", lines(e.lines(), e.currency()))
              .with("total", money(e.total(), e.currency()))
              .build();
      case PaymentCaptured e ->
          order(event, Template.ORDER_CONFIRMED, e.userId(), e.orderId(), e.customer())
              .with("amount", money(e.amount(), e.currency()))
              .build();
      case PaymentActionRequired e -> {
        // Only an https link goes into an email: never javascript: or plain http.
        boolean link = e.actionUrl() != null && e.actionUrl().startsWith("https://");
        yield order(event, Template.PAYMENT_ACTION_REQUIRED, e.userId(), e.orderId(), e.customer())
            .with("amount", money(e.amount(), e.currency()))
            .with("hasActionUrl", link)
            .with("actionUrl", link ? e.actionUrl() : "")
            .build();
      }
      case PaymentFailed e ->
          order(event, Template.PAYMENT_FAILED, e.userId(), e.orderId(), e.customer())
              .with("amount", money(e.amount(), e.currency()))
              .with("reason", e.reason())
              .build();
      case OrderCancelled e ->
          order(event, Template.ORDER_CANCELLED, e.userId(), e.orderId(), e.customer())
              .with("reason", CancellationReason.ofCode(e.reason()).sentence())
              .with("refunded", e.refundedAmount() > 0)
              .with("refund", money(e.refundedAmount(), e.currency()))
              .build();
      default ->
          throw new IllegalArgumentException(
              "notification does not consume " + event.type().eventName());
    };
  }

  private OrderMessage order(
      EventEnvelope<?> event, Template template, String userId, String orderId, Customer customer) {
    return new OrderMessage(
        event.id(),
        event.time(),
        template,
        userId,
        orderId,
        new Contact(customer.email(), customer.name(), customer.phone(), customer.smsOptIn()));
  }

  private List<Map<String, Object>> lines(List<OrderLine> lines, String currency) {
    return lines.stream()
        .<Map<String, Object>>map(
            line -> {
              Money unit = new Money(line.unitPrice(), currency);
              return Map.of(
                  "name", line.name(),
                  "sku", line.sku(),
                  "quantity", line.quantity(),
                  "unitPrice", unit.format(locale),
                  "lineTotal", unit.times(line.quantity()).format(locale));
            })
        .toList();
  }

  private String money(long minorUnits, String currency) {
    return new Money(minorUnits, currency).format(locale);
  }

  /** A notification about an order, whose model always has the customer's name and the order. */
  private static final class OrderMessage {
    private final String eventId;
    private final Instant occurredAt;
    private final Template template;
    private final String userId;
    private final String orderId;
    private final Contact contact;
    private final Map<String, Object> model = new HashMap<>();

    OrderMessage(
        String eventId,
        Instant occurredAt,
        Template template,
        String userId,
        String orderId,
        Contact contact) {
      this.eventId = eventId;
      this.occurredAt = occurredAt;
      this.template = template;
      this.userId = userId;
      this.orderId = orderId;
      this.contact = contact;
      model.put("name", contact.name());
      model.put("orderId", orderId);
    }

    OrderMessage with(String key, Object value) {
      model.put(key, value);
      return this;
    }

    Notification build() {
      return new Notification(eventId, template, userId, orderId, occurredAt, contact, model);
    }
  }
}
