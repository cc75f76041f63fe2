package shop.localstack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** CreateEventBus, DescribeEventBus and ListEventBuses (which always holds {@code default}). */
final class EventBusOperations {
  private final BusRules rules;

  EventBusOperations(BusRules rules) {
    this.rules = rules;
  }

  Map<String, EventBridgeOperations.Operation> byName() {
    return Map.of(
        "CreateEventBus", this::createEventBus,
        "DescribeEventBus", this::describeEventBus,
        "ListEventBuses", this::listEventBuses);
  }

  private ObjectNode createEventBus(JsonInput in) {
    String arn = rules.createBus(in.required("Name"), in.string("Description").orElse(null));
    return JsonNodeFactory.instance.objectNode().put("EventBusArn", arn);
  }

  private ObjectNode describeEventBus(JsonInput in) {
    return busJson(rules.bus(Arns.busName(in.string("Name").orElse(null))));
  }

  private ObjectNode listEventBuses(JsonInput in) {
    Page<BusRules.Bus> page = Page.of(rules.buses(in.string("NamePrefix").orElse("")), in);
    return page.response("EventBuses", EventBusOperations::busJson);
  }

  private static ObjectNode busJson(BusRules.Bus bus) {
    ObjectNode node =
        JsonNodeFactory.instance.objectNode().put("Name", bus.name()).put("Arn", bus.arn());
    JsonOutput.putIfSet(node, "Description", bus.description());
    JsonOutput.putIfSet(node, "CreationTime", bus.created());
    JsonOutput.putIfSet(node, "LastModifiedTime", bus.created());
    return node;
  }
}
