package shop.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An event accepted on a bus. {@link #envelope} is the JSON that EventBridge delivers to targets
 * and matches rules against; a replayed event carries {@code replay-name}, as in AWS. {@code
 * traceHeader} is PutEvents' {@code TraceHeader} (or null), which an SQS target receives as its
 * message's {@code AWSTraceHeader} system attribute, as in AWS; the archive does not keep it.
 */
record BusEvent(
    String id,
    String bus,
    String source,
    String detailType,
    Instant time,
    List<String> resources,
    JsonNode detail,
    String replayName,
    int size,
    String traceHeader) {

  BusEvent {
    resources = List.copyOf(resources);
    time = time.truncatedTo(ChronoUnit.SECONDS);
  }

  BusEvent replayedAs(String name) {
    return new BusEvent(id, bus, source, detailType, time, resources, detail, name, size, null);
  }

  ObjectNode envelope(String region, String account) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("version", "0");
    envelope.put("id", id);
    envelope.put("detail-type", detailType);
    envelope.put("source", source);
    envelope.put("account", account);
    envelope.put("time", time.toString());
    envelope.put("region", region);
    resources.forEach(envelope.putArray("resources")::add);
    envelope.set("detail", detail);
    if (replayName != null) {
      envelope.put("replay-name", replayName);
    }
    return envelope;
  }
}
