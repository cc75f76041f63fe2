package shop.localstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** Writing AWS JSON 1.1 response members: timestamps as epoch seconds, absent members left out. */
final class JsonOutput {
  private JsonOutput() {}

  /** A timestamp as the protocol writes it: epoch seconds with millisecond decimals. */
  static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  /** Puts {@code value} unless it is null: AWS leaves unset optional members out. */
  static void putIfSet(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }

  static void putIfSet(ObjectNode node, String member, Instant value) {
    if (value != null) {
      node.put(member, epochSeconds(value));
    }
  }
}
