package shop.localstack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** StartReplay, DescribeReplay, ListReplays and CancelReplay. */
final class ReplayOperations {
  private static final List<String> STATES =
      List.of(
          BusReplays.CANCELLED,
          BusReplays.CANCELLING,
          BusReplays.COMPLETED,
          BusReplays.FAILED,
          BusReplays.RUNNING,
          BusReplays.STARTING);

  private final BusReplays replays;
  private final EventDelivery delivery;

  ReplayOperations(BusReplays replays, EventDelivery delivery) {
    this.replays = replays;
    this.delivery = delivery;
  }

  Map<String, EventBridgeOperations.Operation> byName() {
    return Map.of(
        "StartReplay", this::startReplay,
        "DescribeReplay", this::describeReplay,
        "ListReplays", this::listReplays,
        "CancelReplay", this::cancelReplay);
  }

  private ObjectNode startReplay(JsonInput in) {
    JsonInput destination = in.requiredObject("Destination");
    BusReplays.Replay replay =
        replays.start(
            new BusReplays.Request(
                in.required("ReplayName"),
                in.string("Description").orElse(null),
                in.required("EventSourceArn"),
                in.requiredTimestamp("EventStartTime"),
                in.requiredTimestamp("EventEndTime"),
                destination.required("Arn"),
                destination.strings("FilterArns")),
            delivery::deliver);
    ObjectNode node = stateJson(replay);
    return node.put("ReplayStartTime", JsonOutput.epochSeconds(replay.started()));
  }

  private ObjectNode describeReplay(JsonInput in) {
    BusReplays.Replay replay = replays.replay(in.required("ReplayName"));
    ObjectNode node = summaryJson(replay).put("ReplayArn", replay.arn());
    JsonOutput.putIfSet(node, "Description", replay.description());
    ObjectNode destination = node.putObject("Destination").put("Arn", replay.destinationArn());
    if (!replay.filterArns().isEmpty()) {
      replay.filterArns().forEach(destination.putArray("FilterArns")::add);
    }
    return node;
  }

  private ObjectNode listReplays(JsonInput in) {
    ListFilters filters = ListFilters.of(in, "ListReplays", STATES);
    List<BusReplays.Replay> matching =
        replays.replays(filters.namePrefix()).stream()
            .filter(r -> filters.accepts(r.archiveArn(), r.state()))
            .toList();
    return Page.of(matching, in).response("Replays", ReplayOperations::summaryJson);
  }

  private ObjectNode cancelReplay(JsonInput in) {
    return stateJson(replays.cancel(in.required("ReplayName")));
  }

  /** The answer of StartReplay and CancelReplay. */
  private static ObjectNode stateJson(BusReplays.Replay replay) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("ReplayArn", replay.arn())
        .put("State", replay.state())
        .put("StateReason", replay.stateReason());
  }

  /** A replay as ListReplays lists it (DescribeReplay adds to this). */
  private static ObjectNode summaryJson(BusReplays.Replay replay) {
    ObjectNode node =
        JsonNodeFactory.instance
            .objectNode()
            .put("ReplayName", replay.name())
            .put("EventSourceArn", replay.archiveArn())
            .put("State", replay.state())
            .put("StateReason", replay.stateReason())
            .put("EventStartTime", JsonOutput.epochSeconds(replay.eventStart()))
            .put("EventEndTime", JsonOutput.epochSeconds(replay.eventEnd()))
            .put("ReplayStartTime", JsonOutput.epochSeconds(replay.started()));
    JsonOutput.putIfSet(node, "EventLastReplayedTime", replay.lastReplayed());
    JsonOutput.putIfSet(node, "ReplayEndTime", replay.ended());
    return node;
  }
}
