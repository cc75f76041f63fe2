package shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.platform.testing.EventFixtures.batch;
import static shop.platform.testing.EventFixtures.eventBridgeBody;
import static shop.platform.testing.EventFixtures.message;
import static shop.platform.testing.EventFixtures.orderCreated;
import static shop.platform.testing.EventFixtures.userRegistered;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.OrderCreated;
import shop.events.Topology;
import shop.events.UserRegistered;
import shop.platform.idempotency.DynamoDbIdempotencyLedger;
import shop.platform.idempotency.IdempotencyLedger;
import shop.platform.idempotency.IdempotentEventHandler;
import shop.platform.testing.EventFixtures;
import shop.platform.testing.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SqsEventConsumerIT {
  private static final String FAILURES = Topology.shop().failuresTable();
  private static final String LEDGER = Topology.shop().idempotencyTable();

  private static LocalDynamoDb dynamo;
  private static DynamoDbFailureRecorder recorder;
  private static IdempotencyLedger ledger;

  // Each test consumes as its own consumer, so tests share the tables without seeing each other.
  private final String consumer = "notifications-" + UUID.randomUUID();
  private final List<String> handled = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    dynamo = LocalDynamoDb.start();
    dynamo.createTable(
        FAILURES, DynamoDbFailureRecorder.PARTITION_KEY, DynamoDbFailureRecorder.SORT_KEY);
    dynamo.createTable(LEDGER, DynamoDbIdempotencyLedger.PARTITION_KEY, null);
    recorder = new DynamoDbFailureRecorder(dynamo.client(), FAILURES);
    ledger =
        new DynamoDbIdempotencyLedger(
            dynamo.client(), LEDGER, Duration.ofMinutes(1), Duration.ofDays(30), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    dynamo.close();
  }

  @Test
  void reportsOnlyTheBadMessagesAndRecordsWhyTheyFailed() {
    EventEnvelope<UserRegistered> welcome = userRegistered();
    EventEnvelope<UserRegistered> badPhone = userRegistered();
    EventEnvelope<OrderCreated> poisoned = orderCreated();
    EventEnvelope<OrderCreated> order = orderCreated();
    SqsEventConsumer consumer =
        consumer(
            Map.of(
                EventType.USER_REGISTERED,
                (EventHandler<UserRegistered>) e -> handled.add(e.id()),
                EventType.ORDER_CREATED,
                (EventHandler<OrderCreated>)
                    e -> {
                      if (e.id().equals(poisoned.id())) {
                        throw new IllegalStateException("template missing for " + e.subject());
                      }
                      handled.add(e.id());
                    }));
    Instant before = Instant.now();

    SQSBatchResponse response =
        consumer.handle(
            batch(
                message("m-welcome", eventBridgeBody(welcome)),
                message("m-garbage", "<xml>not json</xml>", 4),
                message(
                    "m-bad-phone",
                    eventBridgeBody(EventFixtures.withData(badPhone, "phone", "12345")),
                    2),
                message("m-poisoned", eventBridgeBody(poisoned), 3),
                message("m-order", eventBridgeBody(order))));

    assertThat(failedIds(response)).containsExactly("m-garbage", "m-bad-phone", "m-poisoned");
    assertThat(handled).containsExactly(welcome.id(), order.id());

    Map<String, AttributeValue> garbage = failure("m-garbage");
    assertThat(garbage.get("errorClass").s()).isEqualTo("InvalidEventException");
    assertThat(garbage.get("messageId").s()).isEqualTo("m-garbage");
    assertThat(garbage).doesNotContainKeys("eventId", "eventType");
    assertThat(garbage.get("attempt").n()).isEqualTo("4");
    long ttl = Long.parseLong(garbage.get(DynamoDbFailureRecorder.TTL_ATTRIBUTE).n());
    assertThat(ttl)
        .isBetween(
            before.plus(Duration.ofDays(14)).getEpochSecond() - 1,
            Instant.now().plus(Duration.ofDays(14)).getEpochSecond() + 1);

    Map<String, AttributeValue> invalid = failure(badPhone.id());
    assertThat(invalid.get("eventType").s()).isEqualTo("shop.user.registered.v1");
    assertThat(invalid.get("errorMessage").s()).contains("phone");
    assertThat(invalid.get("messageId").s()).isEqualTo("m-bad-phone");

    Map<String, AttributeValue> thrown = failure(poisoned.id());
    assertThat(thrown.get("errorClass").s()).isEqualTo("IllegalStateException");
    assertThat(thrown.get("errorMessage").s())
        .isEqualTo("template missing for " + poisoned.subject());
    assertThat(thrown.get("attempt").n()).isEqualTo("3");
  }

  @Test
  void keepsTheLatestAttemptOfAFailure() {
    Instant now = Instant.now();
    recorder.record(
        new FailureRecorder.Failure(consumer, "m-1", "e-1", null, "A", "third", 3, now));
    recorder.record(
        new FailureRecorder.Failure(consumer, "m-1", "e-1", null, "B", "second", 2, now));
    recorder.record(
        new FailureRecorder.Failure(consumer, "m-1", "e-1", null, "C", "x".repeat(5000), 4, now));

    Map<String, AttributeValue> item = failure("e-1");
    assertThat(item.get("attempt").n()).isEqualTo("4");
    assertThat(item.get("errorMessage").s()).hasSize(DynamoDbFailureRecorder.MAX_MESSAGE_LENGTH);
  }

  @Test
  void stillReportsTheFailureWhenTheFailuresTableIsUnreachable() {
    EventEnvelope<OrderCreated> order = orderCreated();
    SqsEventConsumer unrecorded =
        new SqsEventConsumer(
            consumer,
            Map.of(
                EventType.ORDER_CREATED,
                (EventHandler<OrderCreated>)
                    e -> {
                      throw new IllegalStateException("stock service down");
                    }),
            new DynamoDbFailureRecorder(dynamo.client(), "no-such-table"));

    SQSBatchResponse response = unrecorded.handle(batch(message("m-1", eventBridgeBody(order))));

    assertThat(failedIds(response)).containsExactly("m-1");
  }

  @Test
  void handlesAnEventDeliveredTwiceOnlyOnce() {
    EventEnvelope<UserRegistered> event = userRegistered();
    SqsEventConsumer consumer = idempotentConsumer(e -> handled.add(e.id()));

    SQSBatchResponse first = consumer.handle(batch(message("m-1", eventBridgeBody(event))));
    SQSBatchResponse again =
        consumer.handle(
            batch(message("m-2", eventBridgeBody(event)), message("m-3", eventBridgeBody(event))));

    assertThat(failedIds(first)).isEmpty();
    assertThat(failedIds(again)).isEmpty();
    assertThat(handled).containsExactly(event.id());
  }

  @Test
  void failsTheMessageWhileAnotherAttemptHoldsItsEventAndAcknowledgesItOnceThatCompletes() {
    EventEnvelope<UserRegistered> event = userRegistered();
    SqsEventConsumer consumer = idempotentConsumer(e -> handled.add(e.id()));
    assertThat(ledger.begin(consumer(), event.id())).isEqualTo(IdempotencyLedger.Claim.STARTED);

    SQSBatchResponse whileHeld = consumer.handle(batch(message("m-1", eventBridgeBody(event), 1)));

    assertThat(failedIds(whileHeld)).containsExactly("m-1");
    assertThat(handled).isEmpty();
    assertThat(failure(event.id()).get("errorClass").s()).isEqualTo("EventInProgressException");

    ledger.complete(consumer(), event.id());
    SQSBatchResponse retry = consumer.handle(batch(message("m-1", eventBridgeBody(event), 2)));

    assertThat(failedIds(retry)).isEmpty();
    assertThat(handled).isEmpty();
  }

  @Test
  void retriesAFailedEventThroughTheLedger() {
    EventEnvelope<UserRegistered> event = userRegistered();
    Set<String> failOnce = new java.util.HashSet<>(Set.of(event.id()));
    SqsEventConsumer consumer =
        idempotentConsumer(
            e -> {
              if (failOnce.remove(e.id())) {
                throw new IllegalStateException("SES throttled");
              }
              handled.add(e.id());
            });

    assertThat(failedIds(consumer.handle(batch(message("m-1", eventBridgeBody(event))))))
        .containsExactly("m-1");
    assertThat(failedIds(consumer.handle(batch(message("m-1", eventBridgeBody(event), 2)))))
        .isEmpty();
    assertThat(handled).containsExactly(event.id());
  }

  private String consumer() {
    return consumer;
  }

  private SqsEventConsumer consumer(Map<EventType, EventHandler<?>> handlers) {
    return new SqsEventConsumer(consumer, handlers, recorder);
  }

  private SqsEventConsumer idempotentConsumer(EventHandler<UserRegistered> handler) {
    return consumer(
        Map.of(EventType.USER_REGISTERED, new IdempotentEventHandler<>(consumer, ledger, handler)));
  }

  private Map<String, AttributeValue> failure(String key) {
    return dynamo
        .client()
        .getItem(
            r ->
                r.tableName(FAILURES)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            DynamoDbFailureRecorder.PARTITION_KEY,
                            AttributeValue.fromS(consumer),
                            DynamoDbFailureRecorder.SORT_KEY,
                            AttributeValue.fromS(key))))
        .item();
  }

  private static List<String> failedIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }
}
