package shop.notification.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.notification.NotificationTables;
import shop.notification.delivery.Channel;
import shop.notification.delivery.Contact;
import shop.notification.delivery.Delivery;
import shop.notification.delivery.DeliveryKey;
import shop.notification.delivery.DeliveryStatus;
import shop.notification.delivery.LatestContact;
import shop.notification.delivery.SendReceipt;
import shop.notification.message.Template;
import shop.platform.testing.LocalDynamoDb;

class DynamoDbContactBookIT {
  private static final String TABLE = NotificationTables.DEFAULT_NAME;
  private static final Instant NOW = Instant.parse("2026-11-24T10:15:33Z");

  private static LocalDynamoDb dynamo;
  private static DynamoDbContactBook contacts;
  private static DynamoDbSendLedger ledger;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamoDb.start();
    DynamoDbSendLedger.createTable(dynamo.client(), NotificationTables.deliveries(TABLE));
    contacts = new DynamoDbContactBook(dynamo.client(), TABLE);
    ledger = new DynamoDbSendLedger(dynamo.client(), TABLE, Duration.ofDays(90));
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void keepsTheHighestVersionWhateverTheOrderOfArrival() {
    String user = user();
    Contact optedIn = new Contact("ada@example.com", "Ada", "+447700900123", true);
    Contact optedOut = new Contact("ada@example.com", "Ada", null, false);

    contacts.remember(user, optedIn, 3);
    contacts.remember(user, optedOut, 2);
    contacts.remember(user, optedOut, 3);

    assertThat(contacts.current(user)).isEqualTo(new LatestContact.Known(optedIn));
    contacts.remember(user, optedOut, 4);
    assertThat(contacts.current(user)).isEqualTo(new LatestContact.Known(optedOut));
  }

  @Test
  void theContactIsNotADeliveryOfTheUser() {
    String user = user();
    contacts.remember(user, new Contact("ada@example.com", "Ada", null, false), 2);

    assertThat(ledger.ofUser(user, 10)).isEmpty();
  }

  @Test
  void erasingForgetsTheContactAndTheRecipientsButKeepsTheSends() {
    String user = user();
    contacts.remember(user, new Contact("ada@example.com", "Ada", "+447700900123", true), 2);
    for (Channel channel : Channel.values()) {
      Delivery d = delivery(user, channel);
      ledger.claim(d, NOW.plusSeconds(60));
      ledger.sent(d.key(), new SendReceipt("ses", "msg"), NOW);
    }

    contacts.forget(user, 5);
    ledger.eraseRecipients(user);
    ledger.eraseRecipients(user);
    contacts.remember(user, new Contact("ada@example.com", "Ada", null, false), 4);

    assertThat(contacts.current(user)).isInstanceOf(LatestContact.Erased.class);
    assertThat(ledger.ofUser(user, 10))
        .hasSize(Channel.values().length)
        .allSatisfy(
            d -> {
              assertThat(d.key().recipient()).isEqualTo(DeliveryKey.ERASED);
              assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
              assertThat(d.orderId()).isEqualTo("order-1");
            });
  }

  private static String user() {
    return UUID.randomUUID().toString();
  }

  private static Delivery delivery(String userId, Channel channel) {
    String recipient = channel == Channel.SMS ? "+447700900123" : "ada@example.com";
    return new Delivery(
        new DeliveryKey(UUID.randomUUID().toString(), channel, recipient),
        userId,
        "order-1",
        Template.ORDER_CONFIRMED,
        NOW,
        DeliveryStatus.SENDING,
        NOW,
        NOW,
        1,
        null,
        null,
        null);
  }
}
