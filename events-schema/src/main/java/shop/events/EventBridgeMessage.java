package shop.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The body of an SQS message that an EventBridge rule delivered: the EventBridge event, whose
 * {@code detail} is our structured CloudEvent. A subscriber reads it with {@link #parse}, checks
 * with {@link #requirePublishedByOwnerOf} that the owner of the event's type published it, and
 * decodes {@link #detail} with {@link CloudEventCodec}.
 *
 * @param detail the CloudEvent JSON, not yet validated
 * @param eventId the CloudEvent id as written, or null: known before validation, so that even an
 *     invalid event's failure can name it
 * @param eventType the CloudEvent type as written, or null
 * @param source the EventBridge {@code source} the bus accepted the event with, or null
 * @param detailType the EventBridge {@code detail-type}, or null
 * @param cloudEventSource the CloudEvent's own {@code source} attribute, or null
 */
public record EventBridgeMessage(
    byte[] detail,
    String eventId,
    String eventType,
    String source,
    String detailType,
    String cloudEventSource) {
  private static final ObjectMapper MAPPER = EventJson.mapper();

  /**
   * Reads {@code body}; throws {@link InvalidEventException} when it is not an EventBridge event.
   */
  public static EventBridgeMessage parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidEventException("empty message body", List.of());
    }
    JsonNode event;
    try {
      event = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("message body is not JSON", e);
    }
    JsonNode detail = event.get("detail");
    if (detail == null || !detail.isObject()) {
      throw new InvalidEventException(
          "message body is not an EventBridge event",
          List.of("detail is missing or not an object"));
    }
    try {
      return new EventBridgeMessage(
          MAPPER.writeValueAsBytes(detail),
          text(detail, "id"),
          text(detail, "type"),
          text(event, "source"),
          text(event, "detail-type"),
          text(detail, "source"));
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("detail cannot be written back as JSON", e);
    }
  }

  /**
   * Throws {@link ImpersonatedEventException} unless this message was put on the bus as {@code
   * type}'s owner: the bus's {@code source} (which its resource policy lets only that service's
   * roles use), the {@code detail-type}, and the CloudEvent's own {@code source} must all be the
   * owner's. A type alone proves nothing: any publisher can write any type into its detail.
   */
  public void requirePublishedByOwnerOf(EventType type) {
    if (!type.source().equals(source)
        || !type.eventName().equals(detailType)
        || !type.source().equals(cloudEventSource)) {
      throw new ImpersonatedEventException(type, source, detailType, cloudEventSource);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
