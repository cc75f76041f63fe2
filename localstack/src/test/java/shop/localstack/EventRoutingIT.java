package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.events.EventType;
import shop.events.Subscription;
import shop.events.Topology;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(LocalCloudExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventRoutingIT {
  private final Topology topology = Topology.shop();
  private final EventBridgeClient events;
  private final SqsClient sqs;
  private final Queues queues;

  EventRoutingIT(LocalCloud cloud) {
    events = cloud.endpoints().eventBridgeClient();
    sqs = cloud.endpoints().sqsClient();
    queues = new Queues(sqs);
  }

  @AfterAll
  void close() {
    events.close();
    sqs.close();
  }

  @Test
  void routesAnEventToExactlyTheQueuesOfItsConsumersInTheEventBridgeEnvelope() {
    String orderId = UUID.randomUUID().toString();
    Instant time = Instant.parse("2030-01-02T03:04:05Z");
    PutEventsResponse response =
        events.putEvents(
            p ->
                p.entries(
                    PutEventsRequestEntry.builder()
                        .eventBusName(topology.busName())
                        .source(EventType.ORDER_CREATED.source())
                        .detailType(EventType.ORDER_CREATED.eventName())
                        .time(time)
                        .resources("arn:aws:shop:order/" + orderId)
                        .detail("{\"subject\":\"" + orderId + "\",\"data\":{\"total\":1999}}")
                        .build()));

    assertThat(response.failedEntryCount()).isZero();
    String eventId = response.entries().get(0).eventId();
    for (Subscription subscription : topology.subscriptions()) {
      if (subscription.events().contains(EventType.ORDER_CREATED)) {
        JsonNode envelope = queues.await(subscription.queue(), Queues.event(eventId));
        assertThat(envelope.path("version").asText()).isEqualTo("0");
        assertThat(envelope.path("detail-type").asText()).isEqualTo("OrderCreated");
        assertThat(envelope.path("source").asText()).isEqualTo("shop.transaction");
        assertThat(envelope.path("account").asText()).isEqualTo(LocalCloud.ACCOUNT);
        assertThat(envelope.path("region").asText()).isEqualTo(LocalCloud.REGION);
        assertThat(envelope.path("time").asText()).isEqualTo("2030-01-02T03:04:05Z");
        assertThat(envelope.path("resources").get(0).asText()).endsWith(orderId);
        assertThat(envelope.path("detail").path("subject").asText()).isEqualTo(orderId);
        assertThat(envelope.path("detail").path("data").path("total").asInt()).isEqualTo(1999);
      } else {
        assertThat(Queues.find(queues.drain(subscription.queue()), Queues.event(eventId)))
            .as("event in %s", subscription.queue())
            .isEmpty();
      }
    }
  }

  @Test
  void everyConsumersRuleTargetHasItsUndeliverableQueueAsDeadLetterQueue() {
    for (Subscription subscription : topology.subscriptions()) {
      var targets =
          events.listTargetsByRule(
              r -> r.rule(subscription.rule()).eventBusName(topology.busName()));

      assertThat(targets.targets())
          .singleElement()
          .satisfies(
              t ->
                  assertThat(t.deadLetterConfig().arn())
                      .endsWith(":" + subscription.undeliverableQueue()));
    }
  }

  @Test
  void anEventItsTargetCannotTakeGoesToTheTargetsDeadLetterQueueWithTheReason() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String deadLetterUrl = sqs.createQueue(q -> q.queueName("undeliverable-" + run)).queueUrl();
    String deadLetterArn =
        sqs.getQueueAttributes(a -> a.queueUrl(deadLetterUrl).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    String gone = "arn:aws:sqs:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT + ":gone-" + run;
    String source = "test.undeliverable." + run;
    String ruleArn =
        events
            .putRule(
                r ->
                    r.name("undeliverable-" + run)
                        .eventBusName(topology.busName())
                        .eventPattern("{\"source\":[\"" + source + "\"]}"))
            .ruleArn();
    events.putTargets(
        t ->
            t.rule("undeliverable-" + run)
                .eventBusName(topology.busName())
                .targets(
                    Target.builder()
                        .id("gone")
                        .arn(gone)
                        .deadLetterConfig(d -> d.arn(deadLetterArn))
                        .build()));

    String eventId =
        events
            .putEvents(
                p ->
                    p.entries(
                        PutEventsRequestEntry.builder()
                            .eventBusName(topology.busName())
                            .source(source)
                            .detailType("Test")
                            .detail("{\"n\":1}")
                            .build()))
            .entries()
            .get(0)
            .eventId();

    Message letter =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    sqs.receiveMessage(
                            r ->
                                r.queueUrl(deadLetterUrl)
                                    .messageAttributeNames("All")
                                    .waitTimeSeconds(1))
                        .messages(),
                messages -> !messages.isEmpty())
            .get(0);
    assertThat(Queues.json(letter.body()).path("id").asText()).isEqualTo(eventId);
    assertThat(letter.messageAttributes().get("RULE_ARN").stringValue()).isEqualTo(ruleArn);
    assertThat(letter.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(gone);
    assertThat(letter.messageAttributes().get("ERROR_CODE").stringValue()).isNotBlank();
  }

  @Test
  void archivesEveryEventPutOnTheBus() {
    long before = events.describeArchive(a -> a.archiveName(topology.archiveName())).eventCount();

    events.putEvents(
        p ->
            p.entries(
                PutEventsRequestEntry.builder()
                    .eventBusName(topology.busName())
                    .source("shop.user")
                    .detailType("UserRegistered")
                    .detail("{}")
                    .build()));

    assertThat(events.describeArchive(a -> a.archiveName(topology.archiveName())).eventCount())
        .isEqualTo(before + 1);
  }
}
