package shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.notification.delivery.Notifications.echoTemplates;
import static shop.notification.delivery.Notifications.optedIn;
import static shop.notification.delivery.Notifications.orderConfirmed;
import static shop.notification.delivery.Notifications.welcome;
import static shop.notification.delivery.Notifications.withoutSmsOptIn;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.platform.testing.MutableClock;

class NotifyCustomerTest {
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final InMemorySendLedger ledger = new InMemorySendLedger();
  private final RecordingSenders.Emails ses = new RecordingSenders.Emails("ses");
  private final RecordingSenders.Emails sendGrid = new RecordingSenders.Emails("sendgrid");
  private final RecordingSenders.Texts twilio = new RecordingSenders.Texts();
  private final InMemoryContactBook contacts = new InMemoryContactBook();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:15:33Z"));
  private final NotifyCustomer notifyCustomer =
      new NotifyCustomer(
          echoTemplates(),
          new FailoverEmailSender(ses, Optional.of(sendGrid)),
          twilio,
          ledger,
          contacts,
          clock,
          LEASE);

  @Test
  void sendsAnEmailAndAnSmsToACustomerWhoOptedIn() {
    Notification notification = orderConfirmed(optedIn());

    notifyCustomer.handle(notification);

    assertThat(ses.sent)
        .singleElement()
        .satisfies(e -> assertThat(e.to()).isEqualTo("ada@example.com"));
    assertThat(twilio.sent)
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("+447700900123"));
    assertThat(ledger.all()).extracting(Delivery::status).containsOnly(DeliveryStatus.SENT);
  }

  @Test
  void sendsWhatIsAboutAnOrderToTheCustomersCurrentContactNotTheOneTheEventCarries() {
    contacts.remember("user-1", optedIn(), 2);

    notifyCustomer.handle(orderConfirmed(withoutSmsOptIn()));

    assertThat(twilio.sent)
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("+447700900123"));
  }

  @Test
  void sendsNoSmsToACustomerWhoOptedOutSinceTheOrder() {
    contacts.remember("user-1", withoutSmsOptIn(), 3);

    notifyCustomer.handle(orderConfirmed(optedIn()));

    assertThat(ses.sent).hasSize(1);
    assertThat(twilio.sent).isEmpty();
  }

  @Test
  void keepsTheNewestContactWhateverOrderTheChangesArriveIn() {
    new RememberContact(contacts).remember(new RememberContact.Command("user-1", optedIn(), 3));
    new RememberContact(contacts)
        .remember(new RememberContact.Command("user-1", withoutSmsOptIn(), 2));

    notifyCustomer.handle(orderConfirmed(withoutSmsOptIn()));

    assertThat(twilio.sent).hasSize(1);
  }

  @Test
  void aCustomersHistoryStartsAtVersionOne() {
    new RememberContact(contacts).remember(new RememberContact.Command("user-1", optedIn(), 1));

    assertThat(contacts.current("user-1")).isEqualTo(new LatestContact.Known(optedIn()));
    assertThatThrownBy(() -> new RememberContact.Command("user-1", optedIn(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sendsAnAccountMailToTheAddressItIsAbout() {
    contacts.remember("user-1", new Contact("new@example.com", "Ada", null, false), 2);

    notifyCustomer.handle(welcome());

    assertThat(ses.sent)
        .singleElement()
        .satisfies(e -> assertThat(e.to()).isEqualTo("ada@example.com"));
  }

  @Test
  void anErasedCustomersOrderThatChangesLaterIsToldToNobody() {
    new ForgetCustomer(contacts, ledger).forget(new ForgetCustomer.Command("user-1", 4));

    notifyCustomer.handle(orderConfirmed(optedIn()));

    assertThat(ses.sent).isEmpty();
    assertThat(twilio.sent).isEmpty();
    assertThat(ledger.all()).isEmpty();
  }

  @Test
  void anErasedCustomerLeavesSendsAddressedToNobodyAndNoContact() {
    contacts.remember("user-1", optedIn(), 2);
    notifyCustomer.handle(orderConfirmed(optedIn()));

    new ForgetCustomer(contacts, ledger).forget(new ForgetCustomer.Command("user-1", 4));
    new ForgetCustomer(contacts, ledger).forget(new ForgetCustomer.Command("user-1", 4));
    new RememberContact(contacts).remember(new RememberContact.Command("user-1", optedIn(), 3));

    assertThat(contacts.current("user-1")).isInstanceOf(LatestContact.Erased.class);
    assertThat(ledger.all())
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.key().recipient()).isEqualTo(DeliveryKey.ERASED))
        .extracting(Delivery::status)
        .containsOnly(DeliveryStatus.SENT);
  }

  @Test
  void sendsNoSmsWithoutOptIn() {
    notifyCustomer.handle(orderConfirmed(withoutSmsOptIn()));

    assertThat(ses.sent).hasSize(1);
    assertThat(twilio.sent).isEmpty();
  }

  @Test
  void sendsNoSmsForATemplateWithoutOne() {
    notifyCustomer.handle(welcome());

    assertThat(ses.sent).hasSize(1);
    assertThat(twilio.sent).isEmpty();
  }

  @Test
  void sendsOnceWhenTheSameEventArrivesThreeTimes() {
    Notification notification = orderConfirmed(optedIn());

    notifyCustomer.handle(notification);
    notifyCustomer.handle(notification);
    notifyCustomer.handle(notification);

    assertThat(ses.sent).hasSize(1);
    assertThat(twilio.sent).hasSize(1);
  }

  @Test
  void usesTheSecondaryProviderWhenThePrimaryFailsInAPassingWay() {
    ses.failingWith(SendFailure.retryable("ses", "500 InternalFailure", null));

    notifyCustomer.handle(welcome());

    assertThat(ses.sent).isEmpty();
    assertThat(sendGrid.sent).hasSize(1);
    assertThat(ledger.all()).singleElement().extracting(Delivery::provider).isEqualTo("sendgrid");
  }

  @Test
  void recordsAPermanentRefusalAndNeverRetriesIt() {
    ses.failingWith(SendFailure.permanent("ses", "400 invalid address", null));
    Notification notification = welcome();

    notifyCustomer.handle(notification);
    notifyCustomer.handle(notification);

    assertThat(ses.sent).isEmpty();
    assertThat(sendGrid.sent).as("not tried elsewhere").isEmpty();
    assertThat(ledger.all())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
              assertThat(d.failure()).contains("invalid address");
            });
  }

  @Test
  void retriesOnlyTheChannelThatFailedInAPassingWay() {
    twilio.failingWith(sms -> SendFailure.retryable("twilio", "503", null));
    Notification notification = orderConfirmed(optedIn());

    assertThatThrownBy(() -> notifyCustomer.handle(notification))
        .isInstanceOf(RetryLater.class)
        .hasMessageContaining("SMS failed");
    notifyCustomer.handle(notification);

    assertThat(ses.sent).as("the email went out once").hasSize(1);
    assertThat(twilio.sent).hasSize(1);
  }

  @Test
  void waitsWhileAnotherDeliveryHoldsTheSend() {
    Notification notification = welcome();
    DeliveryKey key = new DeliveryKey(notification.eventId(), Channel.EMAIL, "ada@example.com");
    ledger.claim(
        Delivery.starting(key, notification, clock.instant()), clock.instant().plus(LEASE));

    assertThatThrownBy(() -> notifyCustomer.handle(notification)).isInstanceOf(RetryLater.class);
    assertThat(ses.sent).isEmpty();
  }

  @Test
  void takesOverASendWhoseHolderCrashedOnceItsLeaseEnds() {
    Notification notification = welcome();
    DeliveryKey key = new DeliveryKey(notification.eventId(), Channel.EMAIL, "ada@example.com");
    ledger.claim(
        Delivery.starting(key, notification, clock.instant()), clock.instant().plus(LEASE));

    clock.advance(LEASE.plusSeconds(1));
    notifyCustomer.handle(notification);

    assertThat(ses.sent)
        .singleElement()
        .satisfies(e -> assertThat(e.reference()).isEqualTo(key.reference()));
    assertThat(ledger.get(key).attempts()).isEqualTo(2);
    assertThat(ledger.get(key).status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void givesTheProviderTheSameReferenceOnEveryAttempt() {
    ses.failingWith(SendFailure.retryable("ses", "timeout", null));
    sendGrid.failingWith(SendFailure.retryable("sendgrid", "503", null));
    Notification notification = welcome();

    assertThatThrownBy(() -> notifyCustomer.handle(notification)).isInstanceOf(RetryLater.class);
    notifyCustomer.handle(notification);

    assertThat(ses.sent)
        .singleElement()
        .extracting(Email::reference)
        .isEqualTo(
            new DeliveryKey(notification.eventId(), Channel.EMAIL, "ada@example.com").reference());
  }
}
