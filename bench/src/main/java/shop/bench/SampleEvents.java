package shop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * SQS message bodies as the bus delivers them (the EventBridge envelope around the CloudEvent),
 * made from events-schema's samples with fresh ids and the benchmark's own users, products and
 * orders, so a consumer does its real work on them rather than skip a duplicate.
 */
final class SampleEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleEvents() {}

  /** An OrderCreated for a new order of one unit of {@code productId} by {@code userId}. */
  static String orderCreated(String orderId, String userId, String productId) {
    return envelope(
        "OrderCreated",
        orderId,
        data -> {
          data.put("userId", userId);
          var lines = data.putArray("lines");
          lines
              .addObject()
              .put("productId", productId)
              .put("sku", "BENCH")
              .put("name", "Bench item")
              .put("quantity", 1)
              .put("unitPrice", 1250);
          data.put("total", 1250);
        });
  }

  /** An InventoryReserved for {@code orderId}, as product announces it. */
  static String inventoryReserved(String orderId) {
    return envelope("InventoryReserved", orderId, data -> {});
  }

  private static String envelope(String detailType, String orderId, Consumer<ObjectNode> data) {
    ObjectNode event = sample(detailType);
    event.put("id", UUID.randomUUID().toString());
    event.put("subject", orderId);
    event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    ObjectNode payload = (ObjectNode) event.get("data");
    payload.put("orderId", orderId);
    data.accept(payload);
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("version", "0");
    envelope.put("id", UUID.randomUUID().toString());
    envelope.put("detail-type", detailType);
    envelope.put("source", event.path("source").asText());
    envelope.put("account", "000000000000");
    envelope.put("time", event.path("time").asText());
    envelope.put("region", "us-east-1");
    envelope.putArray("resources");
    envelope.set("detail", event);
    return envelope.toString();
  }

  private static ObjectNode sample(String detailType) {
    String resource = "/shop/events/samples/" + detailType + ".v1.json";
    try (InputStream in = SampleEvents.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no sample " + resource);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
