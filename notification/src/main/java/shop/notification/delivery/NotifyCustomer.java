package shop.notification.delivery;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import shop.notification.message.EmailContent;
import shop.notification.message.Templates;

/**
 * Tells a customer about an event: an email always, an SMS too when the template has one and the
 * customer gave a phone number and opted in. Each send happens at most once per (event, channel,
 * recipient), whatever the number of deliveries of the event. A passing failure of one channel does
 * not hold back the other; it makes the event come back ({@link RetryLater}) for that channel only.
 *
 * <p>A message about an order goes to the customer's contact as it is now ({@link ContactBook}),
 * not as the access token that placed the order froze it: whoever opted in to SMS a minute before
 * ordering gets the SMS; an erased customer is told nothing. An account mail goes to the address it
 * is about, as the event says.
 */
public final class NotifyCustomer {
  private static final System.Logger LOG = System.getLogger(NotifyCustomer.class.getName());
  private final Templates templates;
  private final EmailSender email;
  private final SmsSender sms;
  private final SendLedger ledger;
  private final ContactBook contacts;
  private final Clock clock;
  private final Duration lease;

  /**
   * @param lease how long a claim holds a send: longer than one handler run, shorter than the
   *     queue's visibility timeout, so that the redelivery after a crash can take the send over
   */
  public NotifyCustomer(
      Templates templates,
      EmailSender email,
      SmsSender sms,
      SendLedger ledger,
      ContactBook contacts,
      Clock clock,
      Duration lease) {
    this.templates = Objects.requireNonNull(templates, "templates");
    this.email = Objects.requireNonNull(email, "email");
    this.sms = Objects.requireNonNull(sms, "sms");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  public void handle(Notification notification) {
    Contact contact = notification.contact();
    if (notification.orderId() != null) {
      switch (contacts.current(notification.userId())) {
        case LatestContact.Known latest -> contact = latest.contact();
        case LatestContact.Unknown unknown -> {
          // the contact the order event carries is still the current one
        }
        case LatestContact.Erased erased -> {
          // An erased customer's old order can still change (a refund): nobody is told, and the
          // anonymised order's placeholder address is not written to.
          LOG.log(
              Level.INFO,
              "event {0} is about an erased account: told to nobody",
              notification.eventId());
          return;
        }
      }
    }
    // Render everything before sending anything: a broken template must not leave half a
    // notification sent.
    EmailContent content = templates.email(notification.template(), notification.model());
    boolean withSms = notification.template().sendsSms() && contact.wantsSms();
    String text = withSms ? templates.sms(notification.template(), notification.model()) : null;

    List<String> retry = new ArrayList<>();
    DeliveryKey emailKey = new DeliveryKey(notification.eventId(), Channel.EMAIL, contact.email());
    Email message = new Email(contact.email(), contact.name(), content, emailKey.reference());
    send(notification, emailKey, () -> email.send(message), retry);
    if (withSms) {
      DeliveryKey smsKey = new DeliveryKey(notification.eventId(), Channel.SMS, contact.phone());
      Sms textMessage = new Sms(contact.phone(), text, smsKey.reference());
      send(notification, smsKey, () -> sms.send(textMessage), retry);
    }
    if (!retry.isEmpty()) {
      throw new RetryLater("event " + notification.eventId() + ": " + String.join("; ", retry));
    }
  }

  private void send(
      Notification notification,
      DeliveryKey key,
      Supplier<SendReceipt> sending,
      List<String> retry) {
    Instant now = clock.instant();
    Claim claim = ledger.claim(Delivery.starting(key, notification, now), now.plus(lease));
    switch (claim) {
      case DONE -> {
        return;
      }
      case HELD -> {
        retry.add(key.channel() + " is being sent by another consumer");
        return;
      }
      case GRANTED -> {
        // sending below
      }
    }
    SendReceipt receipt;
    try {
      receipt = sending.get();
    } catch (SendFailure failure) {
      if (failure.isRetryable()) {
        ledger.release(key, failure.getMessage(), clock.instant());
        retry.add(key.channel() + " failed: " + failure.getMessage());
      } else {
        ledger.failed(key, failure.getMessage(), clock.instant());
      }
      return;
    } catch (RuntimeException unexpected) {
      ledger.release(key, "unexpected: " + unexpected, clock.instant());
      throw unexpected;
    }
    ledger.sent(key, receipt, clock.instant());
  }
}
