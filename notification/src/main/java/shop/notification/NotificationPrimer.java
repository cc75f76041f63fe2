package shop.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.CloudEventCodec;
import shop.events.EventType;
import shop.notification.adapter.SesEmailSender;
import shop.notification.api.EventNotifications;
import shop.notification.delivery.Channel;
import shop.notification.delivery.ContactBook;
import shop.notification.delivery.Delivery;
import shop.notification.delivery.DeliveryKey;
import shop.notification.delivery.Email;
import shop.notification.delivery.Notification;
import shop.notification.delivery.SendLedger;
import shop.notification.message.EmailContent;
import shop.notification.message.Templates;
import shop.platform.config.AwsClients;
import shop.platform.snapstart.Priming;

/**
 * SnapStart priming of the events function: walks a notification's first handling step by step for
 * the sample OrderCreated (its message, the customer's contact, both templates, the send ledger's
 * claim and, when SES is a provider, the SES send), so that the first batch after a restore finds
 * those paths run. Each step's DynamoDB or SES request goes through the AWS SDK, whose HTTP client
 * answers a primer with a refusal and sends nothing (see {@code AwsClients}): nothing is claimed,
 * recorded or sent. The claim and the send run only after the contact read was seen refused.
 * SendGrid and Twilio have their own HTTP clients, which priming never calls; nor does it go
 * through {@code NotifyCustomer}, whose failover would.
 */
final class NotificationPrimer {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationPrimer.class);

  private final EventNotifications notifications;
  private final Templates templates;
  private final ContactBook contacts;
  private final SendLedger ledger;
  private final Optional<SesEmailSender> ses;
  private final Clock clock;
  private final Duration lease;

  NotificationPrimer(
      EventNotifications notifications,
      Templates templates,
      ContactBook contacts,
      SendLedger ledger,
      Optional<SesEmailSender> ses,
      Clock clock,
      Duration lease) {
    this.notifications = notifications;
    this.templates = templates;
    this.contacts = contacts;
    this.ledger = ledger;
    this.ses = ses;
    this.clock = clock;
    this.lease = lease;
  }

  /** Registers the priming; keep the primer as long as the consumer lives. */
  Priming.Primer register() {
    return Priming.register("notification of an order", this::prime);
  }

  void prime() {
    Notification notification =
        notifications.of(CloudEventCodec.instance().decode(EventType.ORDER_CREATED.sample()));
    boolean offline = refused("contact", () -> contacts.current(notification.userId()));
    EmailContent content = templates.email(notification.template(), notification.model());
    if (notification.template().sendsSms()) {
      templates.sms(notification.template(), notification.model());
    }
    if (!offline) {
      // The claim and the send are safe only while this thread's SDK requests are refused unsent.
      LOG.warn("the contact read was not refused while priming: the claim and the send are not");
      return;
    }
    Instant now = clock.instant();
    DeliveryKey key =
        new DeliveryKey(notification.eventId(), Channel.EMAIL, notification.contact().email());
    refused(
        "claim", () -> ledger.claim(Delivery.starting(key, notification, now), now.plus(lease)));
    Email email =
        new Email(
            notification.contact().email(),
            notification.contact().name(),
            content,
            key.reference());
    ses.ifPresent(sender -> refused("SES send", () -> sender.send(email)));
  }

  /** Runs one step up to its SDK request; whether the request was refused, as priming's are. */
  private static boolean refused(String name, Runnable step) {
    try {
      step.run();
      return false;
    } catch (RuntimeException e) {
      LOG.debug("primed {} up to {}", name, e.toString());
      return AwsClients.isPrimingRefusal(e);
    }
  }
}
