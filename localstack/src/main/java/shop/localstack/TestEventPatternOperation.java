package shop.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * TestEventPattern: whether an event matches a pattern, by AWS's own rule engine. The pattern is
 * checked first (InvalidEventPatternException), then the event (ValidationException "Parameter
 * Event is not valid."), as AWS does.
 */
final class TestEventPatternOperation {
  /**
   * The envelope fields AWS requires of the event. The API reference lists {@code resources} too,
   * but AWS accepts an event without it (LocalStack's tests recorded against AWS show this), so it
   * is not required here either.
   */
  private static final List<String> REQUIRED_FIELDS =
      List.of("id", "account", "source", "time", "region", "detail-type");

  private final ObjectMapper json;

  TestEventPatternOperation(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode testEventPattern(JsonInput in) {
    String pattern = in.required("EventPattern");
    String event = in.required("Event");
    EventPatterns.requireValid(pattern);
    requireEnvelope(event);
    boolean matches = EventPatterns.matchesAny(EventPatterns.machine("pattern", pattern), event);
    return JsonNodeFactory.instance.objectNode().put("Result", matches);
  }

  private void requireEnvelope(String event) {
    JsonNode envelope;
    try {
      envelope = json.readTree(event);
    } catch (JsonProcessingException e) {
      throw invalidEvent();
    }
    if (envelope == null || !envelope.isObject()) {
      throw invalidEvent();
    }
    for (String field : REQUIRED_FIELDS) {
      if (!envelope.has(field)) {
        throw invalidEvent();
      }
    }
  }

  private static AwsError invalidEvent() {
    return AwsError.validation("Parameter Event is not valid.");
  }
}
