package shop.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import shop.events.EventJson;
import shop.events.InvalidEventException;

/**
 * The body of an SQS message that an EventBridge rule delivered: the EventBridge event, whose
 * {@code detail} is our structured CloudEvent.
 *
 * @param detail the CloudEvent JSON, not yet validated
 * @param eventId the CloudEvent id as written, or null: known before validation, so that even an
 *     invalid event's failure can name it
 * @param eventType the CloudEvent type as written, or null
 */
record EventBridgeMessage(byte[] detail, String eventId, String eventType) {
  private static final ObjectMapper MAPPER = EventJson.mapper();

  /**
   * Reads {@code body}; throws {@link InvalidEventException} when it is not an EventBridge event.
   */
  static EventBridgeMessage parse(String body) {
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
          MAPPER.writeValueAsBytes(detail), text(detail, "id"), text(detail, "type"));
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("detail cannot be written back as JSON", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
