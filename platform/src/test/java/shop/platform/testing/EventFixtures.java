package shop.platform.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.events.CloudEventCodec;
import shop.events.Customer;
import shop.events.EventEnvelope;
import shop.events.EventJson;
import shop.events.EventType;
import shop.events.OrderCreated;
import shop.events.OrderLine;
import shop.events.ShopEvent;
import shop.events.UserRegistered;

/**
 * Test data: events, their EventBridge form as an SQS body, and SQS batches as the Lambda event
 * source mapping delivers them.
 */
public final class EventFixtures {
  private static final ObjectMapper JSON = EventJson.mapper();

  private EventFixtures() {}

  public static EventEnvelope<UserRegistered> userRegistered() {
    String userId = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return EventEnvelope.of(
        new UserRegistered(userId, "ada@example.com", "Ada Lovelace", "+447700900123", now),
        1,
        now);
  }

  /** A user whose phone number breaks the schema: the codec refuses to encode it. */
  public static EventEnvelope<UserRegistered> userRegisteredWithBadPhone() {
    EventEnvelope<UserRegistered> valid = userRegistered();
    UserRegistered data = valid.data();
    return EventEnvelope.of(
        new UserRegistered(data.userId(), data.email(), data.name(), "12345", data.registeredAt()),
        1,
        valid.time());
  }

  public static EventEnvelope<OrderCreated> orderCreated() {
    String orderId = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    OrderCreated order =
        new OrderCreated(
            orderId,
            UUID.randomUUID().toString(),
            new Customer("ada@example.com", "Ada Lovelace", "+447700900123", true),
            List.of(new OrderLine("6650a1f2c3d4e5f6a7b8c9d0", "MUG-001", "Enamel mug", 2, 1250)),
            2500,
            "EUR",
            "pm_card_visa",
            null,
            now);
    return EventEnvelope.of(order, 1, now);
  }

  /** The SQS body an EventBridge rule delivers for {@code event}: the event with its detail. */
  public static String eventBridgeBody(EventEnvelope<? extends ShopEvent> event) {
    return eventBridgeBody(CloudEventCodec.instance().encode(event));
  }

  /** The EventBridge event around an already encoded (or deliberately broken) CloudEvent. */
  public static String eventBridgeBody(String cloudEventJson) {
    try {
      JsonNode detail = JSON.readTree(cloudEventJson);
      ObjectNode event = JSON.createObjectNode();
      event.put("version", "0");
      event.put("id", UUID.randomUUID().toString());
      // As the relay puts it: the event's name; a type we do not know is passed as written.
      String type = detail.path("type").asText();
      event.put("detail-type", EventType.ofType(type).map(EventType::eventName).orElse(type));
      event.put("source", detail.path("source").asText());
      event.put("account", "000000000000");
      event.put("time", detail.path("time").asText());
      event.put("region", "eu-west-1");
      event.putArray("resources");
      event.set("detail", detail);
      return JSON.writeValueAsString(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The CloudEvent JSON of {@code event} with {@code field} of its data replaced by {@code value}.
   */
  public static String withData(EventEnvelope<?> event, String field, String value) {
    try {
      ObjectNode cloudEvent = (ObjectNode) JSON.readTree(CloudEventCodec.instance().encode(event));
      ((ObjectNode) cloudEvent.get("data")).put(field, value);
      return JSON.writeValueAsString(cloudEvent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The queue every test message comes from. */
  public static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:000000000000:shop-inventory";

  /** One SQS message with the attributes Lambda passes on. */
  public static SQSEvent.SQSMessage message(String messageId, String body, int receiveCount) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(messageId);
    message.setBody(body);
    message.setEventSource("aws:sqs");
    message.setEventSourceArn(QUEUE_ARN);
    message.setAttributes(
        new HashMap<>(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount))));
    return message;
  }

  public static SQSEvent.SQSMessage message(String messageId, String body) {
    return message(messageId, body, 1);
  }

  public static SQSEvent batch(SQSEvent.SQSMessage... messages) {
    SQSEvent event = new SQSEvent();
    event.setRecords(Arrays.asList(messages));
    return event;
  }

  /** A test resource as text, e.g. {@code events/eventbridge-order-created.json}. */
  public static String resource(String name) {
    try (InputStream in = EventFixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
