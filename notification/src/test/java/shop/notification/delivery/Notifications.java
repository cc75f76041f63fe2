package shop.notification.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import shop.notification.message.EmailContent;
import shop.notification.message.Template;
import shop.notification.message.Templates;

/** Test data: notifications and a template engine that shows what it was given. */
final class Notifications {
  private Notifications() {}

  static Contact optedIn() {
    return new Contact("ada@example.com", "Ada Lovelace", "+447700900123", true);
  }

  static Contact withoutSmsOptIn() {
    return new Contact("ada@example.com", "Ada Lovelace", "+447700900123", false);
  }

  static Notification orderConfirmed(Contact contact) {
    return new Notification(
        UUID.randomUUID().toString(),
        Template.ORDER_CONFIRMED,
        "user-1",
        "order-1",
        Instant.parse("2026-11-24T10:15:33Z"),
        contact,
        Map.of("amount", "€49.00"));
  }

  static Notification welcome() {
    return new Notification(
        UUID.randomUUID().toString(),
        Template.WELCOME,
        "user-1",
        null,
        Instant.parse("2026-11-24T09:00:00Z"),
        optedIn(),
        Map.of("name", "Ada"));
  }

  static Templates echoTemplates() {
    return new Templates() {
      @Override
      public EmailContent email(Template template, Map<String, Object> model) {
        return new EmailContent(template.id(), "<p>" + model + "</p>", model.toString());
      }

      @Override
      public String sms(Template template, Map<String, Object> model) {
        return template.id() + " " + model;
      }
    };
  }
}
