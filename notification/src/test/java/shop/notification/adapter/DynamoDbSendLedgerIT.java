package shop.notification.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.notification.NotificationTables;
import shop.notification.delivery.Channel;
import shop.notification.delivery.Claim;
import shop.notification.delivery.Delivery;
import shop.notification.delivery.DeliveryKey;
import shop.notification.delivery.DeliveryStatus;
import shop.notification.delivery.SendReceipt;
import shop.notification.message.Template;
import shop.platform.testing.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbSendLedgerIT {
  private static final String TABLE = NotificationTables.DEFAULT_NAME;
  private static final Instant NOW = Instant.parse("2026-11-24T10:15:33Z");
  private static final Duration LEASE = Duration.ofSeconds(60);

  private static LocalDynamoDb dynamo;
  private static DynamoDbSendLedger ledger;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamoDb.start();
    DynamoDbSendLedger.createTable(dynamo.client(), NotificationTables.deliveries(TABLE));
    ledger = new DynamoDbSendLedger(dynamo.client(), TABLE, Duration.ofDays(90));
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void grantsANewSendAndAnswersDoneOnceItIsSent() {
    Delivery delivery = delivery("user-1", "order-1", NOW);

    assertThat(ledger.claim(delivery, NOW.plus(LEASE))).isEqualTo(Claim.GRANTED);
    ledger.sent(delivery.key(), new SendReceipt("ses", "msg-1"), NOW.plusSeconds(1));

    assertThat(ledger.claim(delivery, NOW.plus(LEASE))).isEqualTo(Claim.DONE);
    assertThat(ledger.ofUser("user-1", 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
              assertThat(d.provider()).isEqualTo("ses");
              assertThat(d.providerMessageId()).isEqualTo("msg-1");
              assertThat(d.attempts()).isEqualTo(1);
            });
  }

  @Test
  void holdsASendWhileItsLeaseRunsAndHandsItOverAfter() {
    Delivery first = delivery(user(), null, NOW);
    ledger.claim(first, NOW.plus(LEASE));

    Delivery during = at(first, NOW.plusSeconds(30));
    Delivery after = at(first, NOW.plus(LEASE).plusSeconds(1));

    assertThat(ledger.claim(during, during.createdAt().plus(LEASE))).isEqualTo(Claim.HELD);
    assertThat(ledger.claim(after, after.createdAt().plus(LEASE))).isEqualTo(Claim.GRANTED);
    assertThat(ledger.ofUser(first.userId(), 1))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.attempts()).isEqualTo(2);
              assertThat(d.createdAt()).isEqualTo(NOW);
            });
  }

  @Test
  void aReleasedSendCanBeClaimedAgainAtOnce() {
    Delivery delivery = delivery(user(), null, NOW);
    ledger.claim(delivery, NOW.plus(LEASE));

    ledger.release(delivery.key(), "ses: 500", NOW.plusSeconds(1));

    Delivery retry = at(delivery, NOW.plusSeconds(2));
    assertThat(ledger.claim(retry, retry.createdAt().plus(LEASE))).isEqualTo(Claim.GRANTED);
  }

  @Test
  void aFailedSendIsNeverClaimedAgain() {
    Delivery delivery = delivery(user(), null, NOW);
    ledger.claim(delivery, NOW.plus(LEASE));

    ledger.failed(delivery.key(), "twilio: 400 21211", NOW.plusSeconds(1));

    Delivery later = at(delivery, NOW.plus(Duration.ofHours(1)));
    assertThat(ledger.claim(later, later.createdAt().plus(LEASE))).isEqualTo(Claim.DONE);
    assertThat(ledger.ofUser(delivery.userId(), 1).get(0).failure()).contains("21211");
  }

  @Test
  void listsAnOrdersSendsNewestFirstAndExpiresThem() {
    String orderId = UUID.randomUUID().toString();
    Delivery older = delivery(user(), orderId, NOW);
    Delivery newer = delivery(older.userId(), orderId, NOW.plusSeconds(5));
    ledger.claim(older, NOW.plus(LEASE));
    ledger.claim(newer, NOW.plus(LEASE));

    assertThat(ledger.ofOrder(orderId, 10))
        .extracting(d -> d.key().eventId())
        .containsExactly(newer.key().eventId(), older.key().eventId());
    Map<String, AttributeValue> item =
        dynamo
            .client()
            .getItem(
                r ->
                    r.tableName(TABLE)
                        .key(
                            Map.of(
                                "eventId", AttributeValue.fromS(older.key().eventId()),
                                "delivery", AttributeValue.fromS("EMAIL#ada@example.com"))))
            .item();
    assertThat(Long.parseLong(item.get("expiresAt").n()))
        .isEqualTo(NOW.plus(Duration.ofDays(90)).getEpochSecond());
  }

  private static String user() {
    return UUID.randomUUID().toString();
  }

  private static Delivery delivery(String userId, String orderId, Instant occurredAt) {
    return new Delivery(
        new DeliveryKey(UUID.randomUUID().toString(), Channel.EMAIL, "ada@example.com"),
        userId,
        orderId,
        Template.ORDER_CONFIRMED,
        occurredAt,
        DeliveryStatus.SENDING,
        NOW,
        NOW,
        1,
        null,
        null,
        null);
  }

  private static Delivery at(Delivery d, Instant now) {
    return new Delivery(
        d.key(),
        d.userId(),
        d.orderId(),
        d.template(),
        d.occurredAt(),
        DeliveryStatus.SENDING,
        now,
        now,
        1,
        null,
        null,
        null);
  }
}
