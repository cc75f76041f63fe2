package shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.platform.testing.EventFixtures.QUEUE_ARN;
import static shop.platform.testing.EventFixtures.batch;
import static shop.platform.testing.EventFixtures.eventBridgeBody;
import static shop.platform.testing.EventFixtures.message;
import static shop.platform.testing.EventFixtures.orderCreated;
import static shop.platform.testing.EventFixtures.userRegistered;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.OrderCreated;
import shop.events.PaymentCaptured;
import shop.events.UserRegistered;
import shop.platform.observability.Traces;
import shop.platform.testing.CapturedMetrics;
import shop.platform.testing.EventFixtures;

class SqsEventConsumerTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  // The consumer handles a batch's messages concurrently.
  private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
  private final List<FailureRecorder.Failure> failures =
      Collections.synchronizedList(new ArrayList<>());

  private final List<String> deadLettered = Collections.synchronizedList(new ArrayList<>());
  private final CapturedMetrics metrics = new CapturedMetrics();
  private boolean deadLetterQueueDown;

  private final Set<String> unreservable = new HashSet<>();
  private final EventHandler<OrderCreated> orders =
      event -> {
        if (unreservable.contains(event.id())) {
          throw new IllegalStateException("cannot reserve stock for order " + event.subject());
        }
        handled.add("order " + event.id());
      };
  private final EventHandler<UserRegistered> users = event -> handled.add("user " + event.id());

  private final SqsEventConsumer consumer =
      consumer(Map.of(EventType.ORDER_CREATED, orders, EventType.USER_REGISTERED, users));

  @Test
  void primingReadsASampleOfEverySubscribedEventWithoutHandlingOrRecordingAnything() {
    EventHandler<OrderCreated> mustNotRun =
        event -> {
          throw new AssertionError("priming handled " + event.id());
        };
    EventHandler<PaymentCaptured> payments = event -> handled.add("payment " + event.id());
    SqsEventConsumer everyType =
        consumer(
            Map.of(
                EventType.ORDER_CREATED, mustNotRun,
                EventType.USER_REGISTERED, users,
                EventType.PAYMENT_CAPTURED, payments));

    everyType.prime();

    assertThat(handled).isEmpty();
    assertThat(failures).isEmpty();
  }

  @Test
  void decodesTheEventBridgeEventAsSqsDeliversIt() {
    SQSBatchResponse response =
        consumer.handle(
            batch(message("m-1", EventFixtures.resource("events/eventbridge-order-created.json"))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(handled).containsExactly("order 0b6c4c1e-1d0e-4b8e-9a51-000000000001");
  }

  @Test
  void dispatchesEachEventToTheHandlerOfItsType() {
    EventEnvelope<UserRegistered> user = userRegistered();
    EventEnvelope<OrderCreated> order = orderCreated();

    SQSBatchResponse response =
        consumer.handle(
            batch(message("m-1", eventBridgeBody(user)), message("m-2", eventBridgeBody(order))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(handled).containsExactlyInAnyOrder("user " + user.id(), "order " + order.id());
  }

  @Test
  void handlesTheMessagesOfABatchAtTheSameTime() {
    // Each handler waits until all three are in it: handled one after the other, the first
    // would wait in vain and fail its message.
    CyclicBarrier allIn = new CyclicBarrier(3);
    EventHandler<OrderCreated> waiting =
        event -> {
          try {
            allIn.await(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("the batch's messages were not handled together", e);
          }
          handled.add("order " + event.id());
        };
    SqsEventConsumer together = consumer(Map.of(EventType.ORDER_CREATED, waiting));

    SQSBatchResponse response =
        together.handle(
            batch(
                message("m-1", eventBridgeBody(orderCreated())),
                message("m-2", eventBridgeBody(orderCreated())),
                message("m-3", eventBridgeBody(orderCreated()))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(handled).hasSize(3);
  }

  @Test
  void anEventPublishedUnderAnotherServicesSourceIsNeverHandled() {
    String genuine = eventBridgeBody(orderCreated());
    // product's role may put shop.product events; here it writes transaction's OrderCreated.
    String busSourceForged =
        genuine.replace("\"source\":\"shop.transaction\"", "\"source\":\"shop.product\"");
    String detailTypeForged =
        genuine.replace(
            "\"detail-type\":\"OrderCreated\"", "\"detail-type\":\"InventoryReserved\"");
    assertThat(busSourceForged).isNotEqualTo(genuine).doesNotContain("shop.transaction");
    assertThat(detailTypeForged).isNotEqualTo(genuine);

    SQSBatchResponse response =
        consumer.handle(
            batch(
                message("m-1", busSourceForged),
                message("m-2", detailTypeForged),
                message("m-3", genuine)));

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactlyInAnyOrder("m-1", "m-2");
    assertThat(handled).hasSize(1);
    assertThat(failures)
        .extracting(FailureRecorder.Failure::errorClass)
        .containsOnly("ImpersonatedEventException");
  }

  @Test
  void acknowledgesAnEventTypeWithoutHandler() {
    SqsEventConsumer onlyOrders = consumer(Map.of(EventType.ORDER_CREATED, orders));

    SQSBatchResponse response =
        onlyOrders.handle(batch(message("m-1", eventBridgeBody(userRegistered()))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(handled).isEmpty();
    assertThat(failures).isEmpty();
  }

  @Test
  void failsOnlyTheMessageThatIsNotJson() {
    EventEnvelope<UserRegistered> user = userRegistered();

    SQSBatchResponse response =
        consumer.handle(batch(message("m-1", "not json {"), message("m-2", eventBridgeBody(user))));

    assertThat(failedIds(response)).containsExactly("m-1");
    assertThat(handled).containsExactly("user " + user.id());
    assertThat(failures)
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.key()).isEqualTo("m-1");
              assertThat(failure.eventId()).isNull();
              assertThat(failure.errorClass()).isEqualTo("InvalidEventException");
              assertThat(failure.time()).isEqualTo(NOW);
            });
  }

  @Test
  void failsAMessageWithoutDetailOrWithoutBody() {
    SQSBatchResponse response =
        consumer.handle(batch(message("m-1", "{\"version\":\"0\"}"), message("m-2", null)));

    assertThat(failedIds(response)).containsExactly("m-1", "m-2");
    assertThat(handled).isEmpty();
  }

  @Test
  void failsASchemaInvalidEventNamingItsIdAndType() {
    EventEnvelope<UserRegistered> user = userRegistered();
    String badPhone = eventBridgeBody(EventFixtures.withData(user, "phone", "12345"));

    SQSBatchResponse response = consumer.handle(batch(message("m-1", badPhone, 3)));

    assertThat(failedIds(response)).containsExactly("m-1");
    assertThat(handled).isEmpty();
    FailureRecorder.Failure failure = failures.getFirst();
    assertThat(failure.eventId()).isEqualTo(user.id());
    assertThat(failure.key()).isEqualTo(user.id());
    assertThat(failure.eventType()).isEqualTo("shop.user.registered.v1");
    assertThat(failure.errorMessage()).contains("phone");
    assertThat(failure.attempt()).isEqualTo(3);
  }

  @Test
  void aThrowingHandlerFailsOnlyItsOwnMessage() {
    EventEnvelope<OrderCreated> good = orderCreated();
    EventEnvelope<OrderCreated> bad = orderCreated();
    unreservable.add(bad.id());

    SQSBatchResponse response =
        consumer.handle(
            batch(message("m-1", eventBridgeBody(bad)), message("m-2", eventBridgeBody(good))));

    assertThat(failedIds(response)).containsExactly("m-1");
    assertThat(handled).containsExactly("order " + good.id());
    assertThat(failures.getFirst().errorClass()).isEqualTo("IllegalStateException");
    assertThat(failures.getFirst().errorMessage()).contains("cannot reserve");
  }

  @Test
  void stillReportsTheFailureWhenRecordingItFails() {
    SqsEventConsumer unrecorded =
        new SqsEventConsumer(
            "inventory",
            Map.of(EventType.ORDER_CREATED, orders),
            failure -> {
              throw new IllegalStateException("failures table unreachable");
            });

    EventEnvelope<OrderCreated> bad = orderCreated();
    unreservable.add(bad.id());

    SQSBatchResponse response = unrecorded.handle(batch(message("m-1", eventBridgeBody(bad))));

    assertThat(failedIds(response)).containsExactly("m-1");
  }

  @Test
  void answersAnEmptyBatchWithNoFailures() {
    assertThat(consumer.handle(new SQSEvent()).getBatchItemFailures()).isEmpty();
  }

  private SqsEventConsumer consumer(Map<EventType, EventHandler<?>> handlers) {
    return new SqsEventConsumer(
        "inventory",
        handlers,
        failures::add,
        null,
        null,
        metrics.metrics(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The consumer with the dead-letter fast path: poison goes to {@link #deadLettered}. */
  private SqsEventConsumer deadLettering(Map<EventType, EventHandler<?>> handlers) {
    return new SqsEventConsumer(
        "inventory",
        handlers,
        failures::add,
        null,
        (name, queueArn, body, reason) -> {
          if (deadLetterQueueDown) {
            throw new IllegalStateException("dead-letter queue unreachable");
          }
          deadLettered.add(name + " <- " + queueArn + ": " + reason);
        },
        metrics.metrics(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void sendsAMessageThatCanNeverSucceedToTheDeadLetterQueueAtOnceAndAcknowledgesIt() {
    SqsEventConsumer fast = deadLettering(Map.of(EventType.USER_REGISTERED, users));
    String badPhone = eventBridgeBody(EventFixtures.withData(userRegistered(), "phone", "12345"));
    String forged =
        eventBridgeBody(orderCreated())
            .replace("\"source\":\"shop.transaction\"", "\"source\":\"shop.product\"");

    SQSBatchResponse response =
        fast.handle(
            batch(
                message("m-1", badPhone),
                message("m-2", "not json {"),
                message("m-3", forged),
                message("m-4", eventBridgeBody(userRegistered()))));

    assertThat(response.getBatchItemFailures()).as("SQS deletes them from the source").isEmpty();
    assertThat(deadLettered)
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).startsWith("inventory <- " + QUEUE_ARN + ": "))
        .anySatisfy(line -> assertThat(line).contains("InvalidEventException").contains("phone"))
        .anySatisfy(line -> assertThat(line).contains("ImpersonatedEventException"));
    assertThat(failures).as("each reason recorded as any failure").hasSize(3);
    assertThat(handled).hasSize(1);
    JsonNode line = metrics.withMetric("DeadLettered").getFirst();
    assertThat(line.get("consumer").asText()).isEqualTo("inventory");
    assertThat(line.get("Messages").asInt()).isEqualTo(4);
    assertThat(line.get("Failures").asInt()).isEqualTo(3);
    assertThat(line.get("DeadLettered").asInt()).isEqualTo(3);
  }

  @Test
  void aHandlersFailureKeepsTheRetryPathEvenWithTheDeadLetterQueueAtHand() {
    SqsEventConsumer fast = deadLettering(Map.of(EventType.ORDER_CREATED, orders));
    EventEnvelope<OrderCreated> bad = orderCreated();
    unreservable.add(bad.id());

    SQSBatchResponse response = fast.handle(batch(message("m-1", eventBridgeBody(bad))));

    assertThat(failedIds(response)).containsExactly("m-1");
    assertThat(deadLettered).isEmpty();
    assertThat(metrics.withMetric("Failures").getFirst().get("DeadLettered").asInt()).isZero();
  }

  @Test
  void aPoisonMessageTakesTheRetryPathWhenTheDeadLetterQueueCannotBeReached() {
    SqsEventConsumer fast = deadLettering(Map.of(EventType.USER_REGISTERED, users));
    deadLetterQueueDown = true;

    SQSBatchResponse response = fast.handle(batch(message("m-1", "not json {")));

    assertThat(failedIds(response)).containsExactly("m-1");
  }

  @Test
  void emitsTheConsumersMessagesFailuresAndTheAgeOfEachMessage() {
    EventEnvelope<OrderCreated> bad = orderCreated();
    unreservable.add(bad.id());
    SQSEvent.SQSMessage young = message("m-1", eventBridgeBody(orderCreated()));
    young.getAttributes().put("SentTimestamp", Long.toString(NOW.toEpochMilli() - 250));
    SQSEvent.SQSMessage old = message("m-2", eventBridgeBody(bad));
    old.getAttributes().put("SentTimestamp", Long.toString(NOW.toEpochMilli() - 4000));

    consumer.handle(batch(young, old));

    JsonNode line = metrics.withMetric("Messages").getFirst();
    assertThat(line.get("consumer").asText()).isEqualTo("inventory");
    assertThat(line.get("Messages").asInt()).isEqualTo(2);
    assertThat(line.get("Failures").asInt()).isEqualTo(1);
    assertThat(line.get("MessageAgeMs").toString()).isEqualTo("[250.0,4000.0]");
  }

  @Test
  void theHandlerContinuesTheTraceTheMessageCarries() {
    String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    SqsEventConsumer tracing =
        consumer(
            Map.of(
                EventType.ORDER_CREATED,
                (EventHandler<OrderCreated>)
                    event ->
                        seen.add(
                            Traces.current().orElse("none") + " " + ThreadContext.get("traceId"))));
    SQSEvent.SQSMessage traced = message("m-1", eventBridgeBody(orderCreated()));
    traced.getAttributes().put("AWSTraceHeader", header);

    tracing.handle(batch(traced));

    assertThat(seen).containsExactly(header + " 1-5759e988-bd862e3fe1be46a994272793");
  }

  @Test
  void everyLogLineAboutAMessageCarriesItsEventAndOrder() {
    EventEnvelope<OrderCreated> order = orderCreated();
    List<Map<String, String>> contexts = Collections.synchronizedList(new ArrayList<>());
    SqsEventConsumer logging =
        consumer(
            Map.of(
                EventType.ORDER_CREATED,
                (EventHandler<OrderCreated>)
                    event -> contexts.add(Map.copyOf(ThreadContext.getContext()))));

    logging.handle(batch(message("m-1", eventBridgeBody(order))));

    assertThat(contexts)
        .singleElement()
        .satisfies(
            context ->
                assertThat(context)
                    .containsEntry("consumer", "inventory")
                    .containsEntry("messageId", "m-1")
                    .containsEntry("eventId", order.id())
                    .containsEntry("eventType", "shop.order.created.v1")
                    .containsEntry("eventSource", "shop.transaction")
                    .containsEntry("orderId", order.data().orderId()));
  }

  private static List<String> failedIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }
}
