package shop.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of an AWS JSON 1.1 request body. A missing required member or a member of the wrong
 * type is a {@code ValidationException} worded like AWS's ("1 validation error detected: ...").
 */
final class JsonInput {
  private final JsonNode node;

  JsonInput(JsonNode node) {
    this.node = node;
  }

  String required(String member) {
    return string(member).orElseThrow(() -> missing(member));
  }

  Optional<String> string(String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(member, "Member must be a string");
    }
    return Optional.of(value.asText());
  }

  Optional<Integer> integer(String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw invalid(member, "Member must be an integer");
    }
    return Optional.of(value.asInt());
  }

  boolean bool(String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw invalid(member, "Member must be a boolean");
    }
    return value.asBoolean();
  }

  /** A timestamp: epoch seconds (the protocol's format) or an ISO-8601 string. */
  Optional<Instant> timestamp(String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      BigDecimal millis = value.decimalValue().movePointRight(3);
      return Optional.of(Instant.ofEpochMilli(millis.longValue()));
    }
    if (value.isTextual()) {
      try {
        return Optional.of(Instant.parse(value.asText()));
      } catch (java.time.format.DateTimeParseException e) {
        throw invalid(member, "Member must be a timestamp");
      }
    }
    throw invalid(member, "Member must be a timestamp");
  }

  Instant requiredTimestamp(String member) {
    return timestamp(member).orElseThrow(() -> missing(member));
  }

  /** The elements of an array member; empty when absent. */
  List<JsonNode> array(String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw invalid(member, "Member must be a list");
    }
    List<JsonNode> elements = new ArrayList<>();
    value.forEach(elements::add);
    return elements;
  }

  List<JsonNode> requiredArray(String member) {
    if (node.get(member) == null || node.get(member).isNull()) {
      throw missing(member);
    }
    return array(member);
  }

  List<String> strings(String member) {
    List<String> values = new ArrayList<>();
    for (JsonNode element : array(member)) {
      if (!element.isTextual()) {
        throw invalid(member, "Member must be a list of strings");
      }
      values.add(element.asText());
    }
    return values;
  }

  Optional<JsonInput> object(String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw invalid(member, "Member must be a structure");
    }
    return Optional.of(new JsonInput(value));
  }

  JsonInput requiredObject(String member) {
    return object(member).orElseThrow(() -> missing(member));
  }

  static AwsError missing(String member) {
    return AwsError.validation(
        "1 validation error detected: Value null at '"
            + camel(member)
            + "' failed to satisfy constraint: Member must not be null");
  }

  static AwsError invalid(String member, String constraint) {
    return AwsError.validation(
        "1 validation error detected: Value at '"
            + camel(member)
            + "' failed to satisfy constraint: "
            + constraint);
  }

  private static String camel(String member) {
    return Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }
}
