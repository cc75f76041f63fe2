package shop.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The targets of a rule: PutTargets, RemoveTargets, ListTargetsByRule. Only SQS queues can be
 * targets (and dead-letter queues) here; any other target fails alone, as AWS fails a target entry.
 */
final class TargetOperations {
  private final BusRules rules;

  TargetOperations(BusRules rules) {
    this.rules = rules;
  }

  Map<String, EventBridgeOperations.Operation> byName() {
    return Map.of(
        "PutTargets", this::putTargets,
        "RemoveTargets", this::removeTargets,
        "ListTargetsByRule", this::listTargetsByRule);
  }

  private ObjectNode putTargets(JsonInput in) {
    String bus = RuleOperations.bus(in);
    String rule = in.required("Rule");
    rules.rule(bus, rule);
    ArrayNode failures = JsonNodeFactory.instance.arrayNode();
    for (JsonNode element : in.requiredArray("Targets")) {
      JsonInput target = new JsonInput(element);
      String id = target.required("Id");
      String arn = target.required("Arn");
      String deadLetterArn =
          target.object("DeadLetterConfig").flatMap(d -> d.string("Arn")).orElse(null);
      if (deadLetterArn != null && !SqsTargets.supports(deadLetterArn)) {
        failure(
            failures, id, "ValidationException", "DeadLetterConfig.Arn must be an SQS queue ARN.");
      } else if (SqsTargets.supports(arn)) {
        rules.putTarget(bus, rule, new BusRules.Target(id, arn, deadLetterArn));
      } else {
        failure(
            failures,
            id,
            "ValidationException",
            "Only SQS queue targets are supported by the local EventBridge.");
      }
    }
    return failedEntries(failures);
  }

  private ObjectNode removeTargets(JsonInput in) {
    String bus = RuleOperations.bus(in);
    String rule = in.required("Rule");
    ArrayNode failures = JsonNodeFactory.instance.arrayNode();
    for (String id : in.strings("Ids")) {
      if (!rules.removeTarget(bus, rule, id)) {
        failure(
            failures,
            id,
            "ResourceNotFoundException",
            "Target " + id + " does not exist on rule " + rule + ".");
      }
    }
    return failedEntries(failures);
  }

  private ObjectNode listTargetsByRule(JsonInput in) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode list = response.putArray("Targets");
    for (BusRules.Target target : rules.targets(RuleOperations.bus(in), in.required("Rule"))) {
      ObjectNode entry = list.addObject().put("Id", target.id()).put("Arn", target.arn());
      if (target.deadLetterArn() != null) {
        entry.putObject("DeadLetterConfig").put("Arn", target.deadLetterArn());
      }
    }
    return response;
  }

  private static void failure(ArrayNode failures, String id, String code, String message) {
    failures.addObject().put("TargetId", id).put("ErrorCode", code).put("ErrorMessage", message);
  }

  private static ObjectNode failedEntries(ArrayNode failures) {
    ObjectNode response =
        JsonNodeFactory.instance.objectNode().put("FailedEntryCount", failures.size());
    response.set("FailedEntries", failures);
    return response;
  }
}
