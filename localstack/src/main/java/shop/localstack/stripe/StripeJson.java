package shop.localstack.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

/** The JSON, ids and timestamps of Stripe's objects. */
final class StripeJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private StripeJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A new object of Stripe type {@code object} with the fields every object has. */
  static ObjectNode object(String idPrefix, String object) {
    ObjectNode node = object();
    node.put("id", id(idPrefix));
    node.put("object", object);
    node.put("created", Instant.now().getEpochSecond());
    node.put("livemode", false);
    return node;
  }

  /** An id as Stripe makes them: a type prefix and 24 random characters ({@code pi_3Q...}). */
  static String id(String prefix) {
    return prefix + "_" + random(24);
  }

  static String random(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return text.toString();
  }

  static ObjectNode metadata(Map<String, String> values) {
    ObjectNode metadata = object();
    values.forEach(metadata::put);
    return metadata;
  }

  /** Puts {@code value}, or JSON null: Stripe's objects list every field, unset ones as null. */
  static void putOrNull(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
