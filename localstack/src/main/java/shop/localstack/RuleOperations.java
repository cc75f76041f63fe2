package shop.localstack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The rules of a bus: PutRule, DescribeRule, ListRules, EnableRule, DisableRule, DeleteRule. */
final class RuleOperations {
  private final Arns arns;
  private final BusRules rules;

  RuleOperations(Arns arns, BusRules rules) {
    this.arns = arns;
    this.rules = rules;
  }

  Map<String, EventBridgeOperations.Operation> byName() {
    return Map.of(
        "PutRule", this::putRule,
        "DescribeRule", this::describeRule,
        "ListRules", this::listRules,
        "EnableRule", in -> setRuleState(in, "ENABLED"),
        "DisableRule", in -> setRuleState(in, "DISABLED"),
        "DeleteRule", this::deleteRule);
  }

  private ObjectNode putRule(JsonInput in) {
    if (in.string("ScheduleExpression").isPresent()) {
      throw AwsError.validation("ScheduleExpression is not supported by the local EventBridge.");
    }
    String pattern =
        in.string("EventPattern")
            .orElseThrow(
                () ->
                    AwsError.validation(
                        "Parameter(s) EventPattern or ScheduleExpression must be specified."));
    String state = in.string("State").orElse("ENABLED");
    if (!state.equals("ENABLED") && !state.equals("DISABLED")) {
      throw JsonInput.invalid("State", "Member must satisfy enum value set: [ENABLED, DISABLED]");
    }
    String arn =
        rules.putRule(
            bus(in), in.required("Name"), pattern, state, in.string("Description").orElse(null));
    return JsonNodeFactory.instance.objectNode().put("RuleArn", arn);
  }

  private ObjectNode describeRule(JsonInput in) {
    BusRules.Rule rule = rules.rule(bus(in), in.required("Name"));
    return ruleJson(rule).put("CreatedBy", arns.account());
  }

  private ObjectNode listRules(JsonInput in) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode list = response.putArray("Rules");
    rules.rules(bus(in), in.string("NamePrefix").orElse("")).forEach(r -> list.add(ruleJson(r)));
    return response;
  }

  private static ObjectNode ruleJson(BusRules.Rule rule) {
    ObjectNode node =
        JsonNodeFactory.instance
            .objectNode()
            .put("Name", rule.name())
            .put("Arn", rule.arn())
            .put("EventPattern", rule.pattern())
            .put("State", rule.state())
            .put("EventBusName", rule.bus());
    JsonOutput.putIfSet(node, "Description", rule.description());
    return node;
  }

  private ObjectNode setRuleState(JsonInput in, String state) {
    rules.setState(bus(in), in.required("Name"), state);
    return JsonNodeFactory.instance.objectNode();
  }

  private ObjectNode deleteRule(JsonInput in) {
    rules.deleteRule(bus(in), in.required("Name"), in.bool("Force"));
    return JsonNodeFactory.instance.objectNode();
  }

  static String bus(JsonInput in) {
    return Arns.busName(in.string("EventBusName").orElse(null));
  }
}
