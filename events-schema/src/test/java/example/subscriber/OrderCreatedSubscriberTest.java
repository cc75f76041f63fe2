package example.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import shop.events.CloudEventCodec;
import shop.events.EventBridgeMessage;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.ImpersonatedEventException;
import shop.events.InvalidEventException;
import shop.events.OrderCreated;
import shop.events.ShopEvent;

/**
 * What another team writes to consume OrderCreated with the subscriber kit (events-schema) alone,
 * as docs/EVENTS.md describes: outside the shop's packages, with no platform class. A message
 * arrives as SQS delivers it from an EventBridge rule: the EventBridge event, whose detail is the
 * CloudEvent.
 */
class OrderCreatedSubscriberTest {

  /** The other team's consumer: it prepares a parcel for each order, once. */
  static final class FulfilmentSubscriber {
    private final CloudEventCodec codec = CloudEventCodec.instance();
    // Stands for the team's own store of handled event ids (a table written in the same
    // transaction as the effect): SQS delivers at least once, and operators replay.
    private final Set<String> handledEventIds = ConcurrentHashMap.newKeySet();
    final List<String> parcels = new ArrayList<>();

    /**
     * Handles one SQS message body. Throws when the message is bad (not ours, invalid, or not
     * published by the event's owner): the queue redelivers it and its DLQ keeps it in the end.
     */
    void onMessage(String sqsBody) {
      EventBridgeMessage message = EventBridgeMessage.parse(sqsBody);
      EventEnvelope<ShopEvent> event = codec.decode(message.detail());
      message.requirePublishedByOwnerOf(event.type());
      if (!(event.data() instanceof OrderCreated order)) {
        return; // another type the rule let through: not this consumer's
      }
      if (!handledEventIds.add(event.id())) {
        return; // a redelivery or a replay: already done
      }
      parcels.add(order.orderId() + " x" + order.lines().size());
    }
  }

  private final FulfilmentSubscriber subscriber = new FulfilmentSubscriber();

  @Test
  void preparesAParcelFromAnOrderCreatedDeliveredByEventBridgeThroughSqs() {
    subscriber.onMessage(sqsBody("shop.transaction", "OrderCreated", sample()));

    assertThat(subscriber.parcels).containsExactly("3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10 x2");
  }

  @Test
  void handlesARedeliveredEventOnce() {
    String body = sqsBody("shop.transaction", "OrderCreated", sample());

    subscriber.onMessage(body);
    subscriber.onMessage(body);

    assertThat(subscriber.parcels).hasSize(1);
  }

  @Test
  void refusesAnOrderCreatedThatAnotherServicePutOnTheBus() {
    String body = sqsBody("shop.user", "OrderCreated", sample());

    assertThatThrownBy(() -> subscriber.onMessage(body))
        .isInstanceOf(ImpersonatedEventException.class);
    assertThat(subscriber.parcels).isEmpty();
  }

  @Test
  void refusesAnEventThatBreaksItsSchema() {
    String broken = sample().replace("\"total\": 4900", "\"total\": \"4900\"");
    String body = sqsBody("shop.transaction", "OrderCreated", broken);

    assertThatThrownBy(() -> subscriber.onMessage(body)).isInstanceOf(InvalidEventException.class);
    assertThat(subscriber.parcels).isEmpty();
  }

  /** An SQS message body as an EventBridge rule target delivers it. */
  private static String sqsBody(String source, String detailType, String cloudEvent) {
    return """
        {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"%s",
         "source":"%s","account":"111122223333","time":"2026-11-24T10:15:30Z",
         "region":"eu-west-1","resources":[],"detail":%s}
        """
        .formatted(detailType, source, cloudEvent);
  }

  /** The kit's sample OrderCreated (a CloudEvent in structured JSON). */
  private static String sample() {
    try (InputStream in =
        OrderCreatedSubscriberTest.class
            .getClassLoader()
            .getResourceAsStream(EventType.ORDER_CREATED.sampleResource())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
