package shop.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The local EventBridge's operations by name: request JSON in, response JSON out, failures as
 * {@link AwsError}. Each group of operations lives in its own class over the shared stores ({@link
 * BusRules}, {@link BusArchives}, {@link BusReplays}); shapes and messages follow the EventBridge
 * API reference.
 */
final class EventBridgeOperations {
  /** One API operation. */
  @FunctionalInterface
  interface Operation {
    ObjectNode run(JsonInput in);
  }

  private final Map<String, Operation> byName = new HashMap<>();

  EventBridgeOperations(ObjectMapper json, Arns arns, SqsTargets targets, Executor replayer) {
    BusRules rules = new BusRules(arns);
    BusArchives archives = new BusArchives(arns);
    BusReplays replays = new BusReplays(arns, archives, replayer);
    EventDelivery delivery = new EventDelivery(arns, rules, targets);
    PutEventsOperation putEvents = new PutEventsOperation(json, arns, rules, archives, delivery);
    TestEventPatternOperation testEventPattern = new TestEventPatternOperation(json);
    byName.put("PutEvents", putEvents::putEvents);
    byName.put("TestEventPattern", testEventPattern::testEventPattern);
    byName.putAll(new EventBusOperations(rules).byName());
    byName.putAll(new RuleOperations(arns, rules).byName());
    byName.putAll(new TargetOperations(rules).byName());
    byName.putAll(new ArchiveOperations(rules, archives).byName());
    byName.putAll(new ReplayOperations(replays, delivery).byName());
  }

  /** Runs {@code operation}; throws {@code UnknownOperationException} for one it does not know. */
  ObjectNode run(String operation, JsonInput in) {
    Operation known = byName.get(operation);
    if (known == null) {
      throw new AwsError(
          400, "UnknownOperationException", "Operation " + operation + " is not supported.");
    }
    return known.run(in);
  }
}
