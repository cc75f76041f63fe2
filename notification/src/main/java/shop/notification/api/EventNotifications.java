package shop.notification.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.events.Customer;
import shop.events.EmailVerificationRequested;
import shop.events.EventEnvelope;
import shop.events.OrderCancelled;
import shop.events.OrderCreated;
import shop.events.OrderDelivered;
import shop.events.OrderLine;
import shop.events.OrderShipped;
import shop.events.PasswordResetRequested;
import shop.events.PaymentActionRequired;
import shop.events.PaymentCaptured;
import shop.events.PaymentFailed;
import shop.events.RefundIssued;
import shop.events.RegistrationAttempted;
import shop.events.ReturnReceived;
import shop.events.ReturnRequested;
import shop.events.ShopEvent;
import shop.events.StockLine;
import shop.events.UserRegistered;
import shop.notification.delivery.Contact;
import shop.notification.delivery.Notification;
import shop.notification.message.AccountLinks;
import shop.notification.message.CancellationReason;
import shop.notification.message.Money;
import shop.notification.message.Template;

/**
 * Translates the integration events this service consumes into its own command, at the edge: which
 * template, who to tell, and the template's values (money already formatted for its currency).
 */
public final class EventNotifications {
  private final Locale locale;
  private final AccountLinks links;
  // Times in account mails are in UTC and say so: the shop does not know the reader's zone.
  private final DateTimeFormatter times;

  public EventNotifications(Locale locale, AccountLinks links) {
    this.locale = locale;
    this.links = links;
    this.times =
        DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", locale).withZone(ZoneOffset.UTC);
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
      case EmailVerificationRequested e ->
          account(event, Template.VERIFY_EMAIL, e.userId(), e.email(), e.name())
              .with("link", links.verifyEmail(e.token()))
              .with("expiresAt", times.format(e.expiresAt()))
              .build();
      case PasswordResetRequested e ->
          account(event, Template.RESET_PASSWORD, e.userId(), e.email(), e.name())
              .with("link", links.resetPassword(e.token()))
              .with("expiresAt", times.format(e.expiresAt()))
              .build();
      case RegistrationAttempted e ->
          account(event, Template.REGISTRATION_ATTEMPTED, e.userId(), e.email(), e.name())
              .with("attemptedAt", times.format(e.attemptedAt()))
              .build();
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
      case OrderShipped e -> {
        boolean link = e.trackingUrl() != null && e.trackingUrl().startsWith("https://");
        yield order(event, Template.ORDER_SHIPPED, e.userId(), e.orderId(), e.customer())
            .with("carrier", e.carrier())
            .with("trackingNumber", e.trackingNumber())
            .with("hasTrackingUrl", link)
            .with("trackingUrl", link ? e.trackingUrl() : "")
            .with("complete", e.complete())
            .with("lines", stock(e.lines()))
            .build();
      }
      case OrderDelivered e ->
          order(event, Template.ORDER_DELIVERED, e.userId(), e.orderId(), e.customer())
              .with("deliveredAt", times.format(e.deliveredAt()))
              .build();
      case ReturnRequested e ->
          order(event, Template.RETURN_REQUESTED, e.userId(), e.orderId(), e.customer())
              .with("lines", stock(e.lines()))
              .build();
      case ReturnReceived e ->
          order(event, Template.RETURN_RECEIVED, e.userId(), e.orderId(), e.customer())
              .with("lines", stock(e.lines()))
              .build();
      case RefundIssued e ->
          order(event, Template.REFUND_ISSUED, e.userId(), e.orderId(), e.customer())
              .with("amount", money(e.amount(), e.currency()))
              .with("forReturn", !e.lines().isEmpty())
              .build();
      default ->
          throw new IllegalArgumentException(
              "notification does not consume " + event.type().eventName());
    };
  }

  private Message order(
      EventEnvelope<?> event, Template template, String userId, String orderId, Customer customer) {
    Message message =
        new Message(
            event.id(),
            event.time(),
            template,
            userId,
            orderId,
            new Contact(customer.email(), customer.name(), customer.phone(), customer.smsOptIn()));
    return message.with("orderId", orderId);
  }

  // An account mail goes to the account's address only: no SMS, whatever the account's phone.
  private Message account(
      EventEnvelope<?> event, Template template, String userId, String email, String name) {
    return new Message(
            event.id(), event.time(), template, userId, null, new Contact(email, name, null, false))
        .with("email", email);
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

  private static List<Map<String, Object>> stock(List<StockLine> lines) {
    return lines.stream()
        .<Map<String, Object>>map(l -> Map.of("productId", l.productId(), "quantity", l.quantity()))
        .toList();
  }

  private String money(long minorUnits, String currency) {
    return new Money(minorUnits, currency).format(locale);
  }

  /** A notification being built, whose model always has the customer's name. */
  private static final class Message {
    private final String eventId;
    private final Instant occurredAt;
    private final Template template;
    private final String userId;
    private final String orderId;
    private final Contact contact;
    private final Map<String, Object> model = new HashMap<>();

    Message(
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
    }

    Message with(String key, Object value) {
      model.put(key, value);
      return this;
    }

    Notification build() {
      return new Notification(eventId, template, userId, orderId, occurredAt, contact, model);
    }
  }
}
