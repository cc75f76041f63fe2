package shop.ops.adapter;

import java.time.Instant;
import java.util.Optional;
import shop.ops.archive.ArchiveReplays;
import shop.platform.domain.NotFoundException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayDestination;

/**
 * Archive replays with EventBridge StartReplay; a replay to one consumer targets that consumer's
 * rule.
 */
public final class EventBridgeArchiveReplays implements ArchiveReplays {
  private final EventBridgeClient events;
  private final String busName;
  private final String archiveName;

  public EventBridgeArchiveReplays(EventBridgeClient events, String busName, String archiveName) {
    this.events = events;
    this.busName = busName;
    this.archiveName = archiveName;
  }

  @Override
  public void start(String replayName, Instant from, Instant to, Optional<String> rule) {
    DescribeArchiveResponse archive = events.describeArchive(r -> r.archiveName(archiveName));
    ReplayDestination.Builder destination =
        ReplayDestination.builder().arn(archive.eventSourceArn());
    rule.ifPresent(
        name ->
            destination.filterArns(
                events.describeRule(r -> r.name(name).eventBusName(busName)).arn()));
    events.startReplay(
        r ->
            r.replayName(replayName)
                .eventSourceArn(archive.archiveArn())
                .eventStartTime(from)
                .eventEndTime(to)
                .destination(destination.build()));
  }

  @Override
  public ReplayProgress progress(String replayName) {
    DescribeReplayResponse replay;
    try {
      replay = events.describeReplay(r -> r.replayName(replayName));
    } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
      throw new NotFoundException("no replay " + replayName);
    }
    return new ReplayProgress(
        replay.stateAsString(), replay.eventLastReplayedTime(), replay.stateReason());
  }
}
