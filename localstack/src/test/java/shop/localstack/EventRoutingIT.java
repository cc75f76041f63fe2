package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import software.amazon.awssdk.services.sqs.SqsClient;

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
