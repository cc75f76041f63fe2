package shop.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * PutEvents: each valid entry becomes a {@link BusEvent}, is archived and delivered; an invalid one
 * fails alone with AWS's ErrorCode and ErrorMessage, the request as a whole only on AWS's request
 * limits (1 to 10 entries, 256 KiB).
 */
final class PutEventsOperation {
  private static final int MAX_ENTRIES = 10;
  private static final int MAX_REQUEST_BYTES = 256 * 1024;

  private final ObjectMapper json;
  private final Arns arns;
  private final BusRules rules;
  private final BusArchives archives;
  private final EventDelivery delivery;

  PutEventsOperation(
      ObjectMapper json, Arns arns, BusRules rules, BusArchives archives, EventDelivery delivery) {
    this.json = json;
    this.arns = arns;
    this.rules = rules;
    this.archives = archives;
    this.delivery = delivery;
  }

  ObjectNode putEvents(JsonInput in) {
    List<JsonNode> entries = in.requiredArray("Entries");
    if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
      throw AwsError.validation(
          "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member"
              + " must have length less than or equal to 10 and greater than or equal to 1");
    }
    List<Object> results = new ArrayList<>();
    int total = 0;
    for (JsonNode entry : entries) {
      if (!entry.isObject()) {
        throw JsonInput.invalid("Entries", "Member must be a list of structures");
      }
      Object result = accept(new JsonInput(entry));
      if (result instanceof BusEvent event) {
        total += event.size();
      }
      results.add(result);
    }
    if (total > MAX_REQUEST_BYTES) {
      throw AwsError.validation("Total size of the entries in the request is over the limit.");
    }
    ObjectNode response = json.createObjectNode();
    ArrayNode out = json.createArrayNode();
    int failed = 0;
    for (Object result : results) {
      if (result instanceof BusEvent event) {
        publish(event);
        out.addObject().put("EventId", event.id());
      } else {
        failed++;
        out.add((ObjectNode) result);
      }
    }
    response.put("FailedEntryCount", failed);
    response.set("Entries", out);
    return response;
  }

  /** A valid entry as a {@link BusEvent}, else its result entry with ErrorCode/ErrorMessage. */
  private Object accept(JsonInput entry) {
    String source = entry.string("Source").orElse("");
    String detailType = entry.string("DetailType").orElse("");
    String detail = entry.string("Detail").orElse("");
    if (source.isEmpty()) {
      return failure(
          "InvalidArgument",
          "Parameter Source is not valid. Reason: Source is a required argument.");
    }
    if (detailType.isEmpty()) {
      return failure(
          "InvalidArgument",
          "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
    }
    if (detail.isEmpty()) {
      return failure(
          "InvalidArgument",
          "Parameter Detail is not valid. Reason: Detail is a required argument.");
    }
    JsonNode detailJson;
    try {
      detailJson = json.readTree(detail);
    } catch (JsonProcessingException e) {
      return failure("MalformedDetail", "Detail is malformed.");
    }
    if (detailJson == null || !detailJson.isObject()) {
      return failure("MalformedDetail", "Detail is malformed.");
    }
    String bus = Arns.busName(entry.string("EventBusName").orElse(null));
    if (!rules.busExists(bus)) {
      return failure("ResourceNotFoundException", "Event bus " + bus + " does not exist.");
    }
    List<String> resources = entry.strings("Resources");
    int size = 14 + utf8(source) + utf8(detailType) + utf8(detail);
    for (String resource : resources) {
      size += utf8(resource);
    }
    return new BusEvent(
        UUID.randomUUID().toString(),
        bus,
        source,
        detailType,
        entry.timestamp("Time").orElseGet(Instant::now),
        resources,
        detailJson,
        null,
        size,
        entry.string("TraceHeader").orElse(null));
  }

  private void publish(BusEvent event) {
    String envelope = event.envelope(arns.region(), arns.account()).toString();
    archives.record(event, envelope);
    delivery.deliver(event, envelope, Set.of());
  }

  private ObjectNode failure(String code, String message) {
    return json.createObjectNode().put("ErrorCode", code).put("ErrorMessage", message);
  }

  private static int utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }
}
