package shop.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes integration events as CloudEvents 1.0 in structured JSON mode: the form
 * carried as the EventBridge {@code detail}. Both directions check the data against the event's
 * JSON Schema, so an invalid event is never published and never handled.
 */
public final class CloudEventCodec {
  /** CloudEvent extension carrying the aggregate's version (CloudEvents integers are 32-bit). */
  public static final String SEQUENCE_EXTENSION = "aggregateversion";

  private static final EventFormat FORMAT = new JsonFormat();
  private static final CloudEventCodec INSTANCE = new CloudEventCodec();

  private final ObjectMapper mapper = EventJson.mapper();
  private final EventSchemas schemas = EventSchemas.instance();

  private CloudEventCodec() {}

  public static CloudEventCodec instance() {
    return INSTANCE;
  }

  /**
   * The structured CloudEvent JSON of {@code event}; throws {@link InvalidEventException} if it
   * breaks its schema.
   */
  public String encode(EventEnvelope<?> event) {
    JsonNode data = mapper.valueToTree(event.data());
    schemas.validate(event.type(), data);
    if (event.sequence() > Integer.MAX_VALUE) {
      throw new InvalidEventException(
          "sequence does not fit a CloudEvent integer", List.of("sequence " + event.sequence()));
    }
    CloudEvent cloudEvent =
        CloudEventBuilder.v1()
            .withId(event.id())
            .withSource(URI.create(event.source()))
            .withType(event.type().type())
            .withSubject(event.subject())
            .withTime(event.time().atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withExtension(SEQUENCE_EXTENSION, (int) event.sequence())
            .withData(JsonCloudEventData.wrap(data))
            .build();
    return new String(FORMAT.serialize(cloudEvent), StandardCharsets.UTF_8);
  }

  /**
   * Decodes a structured CloudEvent; throws {@link InvalidEventException} when it is not one of
   * ours or invalid.
   */
  public EventEnvelope<ShopEvent> decode(String json) {
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }

  public EventEnvelope<ShopEvent> decode(byte[] json) {
    CloudEvent cloudEvent;
    try {
      cloudEvent = FORMAT.deserialize(json);
    } catch (EventDeserializationException
        | CloudEventRWException
        | IllegalArgumentException
        | IllegalStateException e) {
      throw new InvalidEventException("not a structured CloudEvent", e);
    }
    EventType type =
        EventType.ofType(cloudEvent.getType())
            .orElseThrow(
                () ->
                    new InvalidEventException(
                        "unknown event type", List.of("type " + cloudEvent.getType())));
    List<String> problems = new ArrayList<>();
    if (cloudEvent.getSubject() == null) {
      problems.add("subject is missing");
    }
    if (cloudEvent.getTime() == null) {
      problems.add("time is missing");
    }
    if (!(cloudEvent.getExtension(SEQUENCE_EXTENSION) instanceof Number)) {
      problems.add(SEQUENCE_EXTENSION + " is missing or not an integer");
    }
    if (cloudEvent.getData() == null) {
      problems.add("data is missing");
    }
    if (!problems.isEmpty()) {
      throw new InvalidEventException(type.eventName() + " envelope is incomplete", problems);
    }
    JsonNode data = readData(cloudEvent);
    schemas.validate(type, data);
    ShopEvent payload;
    try {
      payload = mapper.treeToValue(data, type.recordType());
    } catch (IOException e) {
      throw new InvalidEventException(type.eventName() + " data cannot be read", e);
    }
    if (!payload.subject().equals(cloudEvent.getSubject())) {
      throw new InvalidEventException(
          type.eventName() + " subject does not name its aggregate",
          List.of(
              "subject " + cloudEvent.getSubject() + " but data is about " + payload.subject()));
    }
    return new EventEnvelope<>(
        cloudEvent.getId(),
        type,
        cloudEvent.getSubject(),
        ((Number) cloudEvent.getExtension(SEQUENCE_EXTENSION)).longValue(),
        cloudEvent.getTime().toInstant(),
        payload);
  }

  private JsonNode readData(CloudEvent cloudEvent) {
    if (cloudEvent.getData() instanceof JsonCloudEventData json) {
      return json.getNode();
    }
    try {
      return mapper.readTree(cloudEvent.getData().toBytes());
    } catch (IOException e) {
      throw new InvalidEventException("data is not JSON", e);
    }
  }
}
