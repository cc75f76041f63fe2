package shop.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The EventBridge operations the shop uses, over {@link BusRules} and {@link BusArchives}: request
 * JSON in, response JSON out, failures as {@link AwsError}. Shapes and messages follow the
 * EventBridge API reference.
 */
final class EventBridgeOperations {
  private static final int MAX_ENTRIES = 10;
  private static final int MAX_REQUEST_BYTES = 256 * 1024;

  private final ObjectMapper json;
  private final Arns arns;
  private final BusRules rules;
  private final BusArchives archives;
  private final SqsTargets targets;

  EventBridgeOperations(
      ObjectMapper json, Arns arns, BusRules rules, BusArchives archives, SqsTargets targets) {
    this.json = json;
    this.arns = arns;
    this.rules = rules;
    this.archives = archives;
    this.targets = targets;
  }

  /** Runs {@code operation}; throws {@code UnknownOperationException} for one it does not know. */
  ObjectNode run(String operation, JsonInput in) {
    return switch (operation) {
      case "PutEvents" -> putEvents(in);
      case "CreateEventBus" -> createEventBus(in);
      case "DescribeEventBus" -> describeEventBus(in);
      case "PutRule" -> putRule(in);
      case "DescribeRule" -> describeRule(in);
      case "ListRules" -> listRules(in);
      case "EnableRule" -> setRuleState(in, "ENABLED");
      case "DisableRule" -> setRuleState(in, "DISABLED");
      case "DeleteRule" -> deleteRule(in);
      case "PutTargets" -> putTargets(in);
      case "RemoveTargets" -> removeTargets(in);
      case "ListTargetsByRule" -> listTargetsByRule(in);
      case "CreateArchive" -> createArchive(in);
      case "DescribeArchive" -> describeArchive(in);
      case "StartReplay" -> startReplay(in);
      case "DescribeReplay" -> describeReplay(in);
      default ->
          throw new AwsError(
              400, "UnknownOperationException", "Operation " + operation + " is not supported.");
    };
  }

  private ObjectNode putEvents(JsonInput in) {
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
        size);
  }

  private void publish(BusEvent event) {
    String envelope = event.envelope(arns.region(), arns.account()).toString();
    archives.record(event, envelope);
    deliver(event, envelope, Set.of());
  }

  /** Sends an event to the targets of its bus's matching rules (only {@code onlyRules} if any). */
  void deliver(BusEvent event, Set<String> onlyRules) {
    deliver(event, event.envelope(arns.region(), arns.account()).toString(), onlyRules);
  }

  private void deliver(BusEvent event, String envelope, Set<String> onlyRules) {
    for (BusRules.Rule rule : rules.matching(event.bus(), envelope)) {
      if (onlyRules.isEmpty() || onlyRules.contains(rule.arn())) {
        for (BusRules.Target target : rule.targets().values()) {
          targets.send(target, rule.arn(), envelope);
        }
      }
    }
  }

  private ObjectNode createEventBus(JsonInput in) {
    String arn = rules.createBus(in.required("Name"));
    return json.createObjectNode().put("EventBusArn", arn);
  }

  private ObjectNode describeEventBus(JsonInput in) {
    String bus = Arns.busName(in.string("Name").orElse(null));
    rules.requireBus(bus);
    return json.createObjectNode().put("Name", bus).put("Arn", arns.bus(bus));
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
    return json.createObjectNode().put("RuleArn", arn);
  }

  private ObjectNode describeRule(JsonInput in) {
    BusRules.Rule rule = rules.rule(bus(in), in.required("Name"));
    return ruleJson(rule).put("CreatedBy", arns.account());
  }

  private ObjectNode listRules(JsonInput in) {
    ObjectNode response = json.createObjectNode();
    ArrayNode list = response.putArray("Rules");
    rules.rules(bus(in), in.string("NamePrefix").orElse("")).forEach(r -> list.add(ruleJson(r)));
    return response;
  }

  private ObjectNode ruleJson(BusRules.Rule rule) {
    ObjectNode node =
        json.createObjectNode()
            .put("Name", rule.name())
            .put("Arn", rule.arn())
            .put("EventPattern", rule.pattern())
            .put("State", rule.state())
            .put("EventBusName", rule.bus());
    if (rule.description() != null) {
      node.put("Description", rule.description());
    }
    return node;
  }

  private ObjectNode setRuleState(JsonInput in, String state) {
    rules.setState(bus(in), in.required("Name"), state);
    return json.createObjectNode();
  }

  private ObjectNode deleteRule(JsonInput in) {
    rules.deleteRule(bus(in), in.required("Name"), in.bool("Force"));
    return json.createObjectNode();
  }

  private ObjectNode putTargets(JsonInput in) {
    String bus = bus(in);
    String rule = in.required("Rule");
    rules.rule(bus, rule);
    ArrayNode failures = json.createArrayNode();
    for (JsonNode element : in.requiredArray("Targets")) {
      JsonInput target = new JsonInput(element);
      String id = target.required("Id");
      String arn = target.required("Arn");
      String deadLetterArn =
          element.has("DeadLetterConfig")
              ? new JsonInput(element.get("DeadLetterConfig")).string("Arn").orElse(null)
              : null;
      if (deadLetterArn != null && !SqsTargets.supports(deadLetterArn)) {
        failures
            .addObject()
            .put("TargetId", id)
            .put("ErrorCode", "ValidationException")
            .put("ErrorMessage", "DeadLetterConfig.Arn must be an SQS queue ARN.");
      } else if (SqsTargets.supports(arn)) {
        rules.putTarget(bus, rule, new BusRules.Target(id, arn, deadLetterArn));
      } else {
        failures
            .addObject()
            .put("TargetId", id)
            .put("ErrorCode", "ValidationException")
            .put("ErrorMessage", "Only SQS queue targets are supported by the local EventBridge.");
      }
    }
    return failedEntries(failures);
  }

  private ObjectNode removeTargets(JsonInput in) {
    String bus = bus(in);
    String rule = in.required("Rule");
    ArrayNode failures = json.createArrayNode();
    for (String id : in.strings("Ids")) {
      if (!rules.removeTarget(bus, rule, id)) {
        failures
            .addObject()
            .put("TargetId", id)
            .put("ErrorCode", "ResourceNotFoundException")
            .put("ErrorMessage", "Target " + id + " does not exist on rule " + rule + ".");
      }
    }
    return failedEntries(failures);
  }

  private ObjectNode listTargetsByRule(JsonInput in) {
    ObjectNode response = json.createObjectNode();
    ArrayNode list = response.putArray("Targets");
    rules
        .targets(bus(in), in.required("Rule"))
        .forEach(
            t -> {
              ObjectNode entry = list.addObject().put("Id", t.id()).put("Arn", t.arn());
              if (t.deadLetterArn() != null) {
                entry.putObject("DeadLetterConfig").put("Arn", t.deadLetterArn());
              }
            });
    return response;
  }

  private ObjectNode failedEntries(ArrayNode failures) {
    ObjectNode response = json.createObjectNode().put("FailedEntryCount", failures.size());
    response.set("FailedEntries", failures);
    return response;
  }

  private ObjectNode createArchive(JsonInput in) {
    String sourceArn = in.required("EventSourceArn");
    String bus = Arns.busName(sourceArn);
    rules.requireBus(bus);
    BusArchives.Archive archive =
        archives.create(
            in.required("ArchiveName"),
            bus,
            sourceArn,
            in.string("Description").orElse(null),
            in.string("EventPattern").orElse(null),
            retention(in));
    ObjectNode response =
        json.createObjectNode().put("ArchiveArn", archive.arn).put("State", "ENABLED");
    return response.put("CreationTime", epochSeconds(archive.created));
  }

  private static Integer retention(JsonInput in) {
    return in.integer("RetentionDays").orElse(null);
  }

  private ObjectNode describeArchive(JsonInput in) {
    BusArchives.Archive archive = archives.archive(in.required("ArchiveName"));
    ObjectNode node =
        json.createObjectNode()
            .put("ArchiveArn", archive.arn)
            .put("ArchiveName", archive.name)
            .put("EventSourceArn", archive.sourceArn)
            .put("State", "ENABLED");
    synchronized (archives) {
      node.put("EventCount", archive.events.size()).put("SizeBytes", archive.sizeBytes());
    }
    if (archive.description != null) {
      node.put("Description", archive.description);
    }
    if (archive.pattern != null) {
      node.put("EventPattern", archive.pattern);
    }
    if (archive.retentionDays != null) {
      node.put("RetentionDays", archive.retentionDays);
    }
    return node.put("CreationTime", epochSeconds(archive.created));
  }

  private ObjectNode startReplay(JsonInput in) {
    JsonInput destination = in.requiredObject("Destination");
    BusArchives.Replay replay =
        archives.start(
            in.required("ReplayName"),
            in.string("Description").orElse(null),
            in.required("EventSourceArn"),
            in.requiredTimestamp("EventStartTime"),
            in.requiredTimestamp("EventEndTime"),
            destination.required("Arn"),
            destination.strings("FilterArns"),
            this::deliver);
    return json.createObjectNode()
        .put("ReplayArn", replay.arn)
        .put("State", "STARTING")
        .put("StateReason", "Replay is starting.")
        .put("ReplayStartTime", epochSeconds(replay.started));
  }

  private ObjectNode describeReplay(JsonInput in) {
    BusArchives.Replay replay = archives.replay(in.required("ReplayName"));
    ObjectNode node =
        json.createObjectNode()
            .put("ReplayName", replay.name)
            .put("ReplayArn", replay.arn)
            .put("State", replay.state)
            .put("StateReason", replay.stateReason)
            .put("EventSourceArn", replay.archiveArn)
            .put("EventStartTime", epochSeconds(replay.eventStart))
            .put("EventEndTime", epochSeconds(replay.eventEnd))
            .put("ReplayStartTime", epochSeconds(replay.started));
    if (replay.description != null) {
      node.put("Description", replay.description);
    }
    ObjectNode destination = node.putObject("Destination").put("Arn", replay.destinationArn);
    if (!replay.filterArns.isEmpty()) {
      replay.filterArns.forEach(destination.putArray("FilterArns")::add);
    }
    if (replay.lastReplayed != null) {
      node.put("EventLastReplayedTime", epochSeconds(replay.lastReplayed));
    }
    if (replay.ended != null) {
      node.put("ReplayEndTime", epochSeconds(replay.ended));
    }
    return node;
  }

  private static String bus(JsonInput in) {
    return Arns.busName(in.string("EventBusName").orElse(null));
  }

  private ObjectNode failure(String code, String message) {
    return json.createObjectNode().put("ErrorCode", code).put("ErrorMessage", message);
  }

  private static int utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  private static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }
}
