package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.events.Subscription;
import shop.events.Topology;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

@ExtendWith(LocalCloudExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT {
  private final Topology topology = Topology.shop();
  private final Subscription inventory = topology.subscription("inventory").orElseThrow();
  private final Subscription notifications = topology.subscription("notifications").orElseThrow();
  private final EventBridgeClient events;
  private final SqsClient sqs;
  private final Queues queues;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private String oldEvent;
  private String recentEvent;

  ReplayIT(LocalCloud cloud) {
    events = cloud.endpoints().eventBridgeClient();
    sqs = cloud.endpoints().sqsClient();
    queues = new Queues(sqs);
  }

  @BeforeAll
  void putTwoOrdersHoursApart() {
    oldEvent = putOrderCreated(now.minus(2, ChronoUnit.HOURS));
    recentEvent = putOrderCreated(now.minus(5, ChronoUnit.MINUTES));
  }

  @AfterAll
  void close() {
    events.close();
    sqs.close();
  }

  @Test
  void replaysTheArchivedEventsOfATimeWindowToEveryRule() {
    String replay = "replay-all-" + UUID.randomUUID();

    StartReplayResponse started = startReplay(replay, null);

    assertThat(started.state()).isEqualTo(ReplayState.STARTING);
    DescribeReplayResponse completed = awaitCompleted(replay);
    assertThat(completed.eventLastReplayedTime()).isEqualTo(now.minus(5, ChronoUnit.MINUTES));
    assertThat(queues.await(inventory.queue(), Queues.replayed(recentEvent, replay))).isNotNull();
    assertThat(queues.await(notifications.queue(), Queues.replayed(recentEvent, replay)))
        .isNotNull();
    assertThat(Queues.find(queues.drain(inventory.queue()), Queues.replayed(oldEvent, replay)))
        .as("an event outside the window")
        .isEmpty();
  }

  @Test
  void replaysOnlyToTheRulesInFilterArns() {
    String replay = "replay-inventory-" + UUID.randomUUID();
    String inventoryRule =
        events.describeRule(r -> r.name(inventory.rule()).eventBusName(topology.busName())).arn();

    startReplay(replay, inventoryRule);

    awaitCompleted(replay);
    assertThat(queues.await(inventory.queue(), Queues.replayed(recentEvent, replay))).isNotNull();
    assertThat(
            Queues.find(queues.drain(notifications.queue()), Queues.replayed(recentEvent, replay)))
        .as("a replayed event for a rule outside FilterArns")
        .isEmpty();
  }

  private String putOrderCreated(Instant time) {
    return events
        .putEvents(
            p ->
                p.entries(
                    PutEventsRequestEntry.builder()
                        .eventBusName(topology.busName())
                        .source("shop.transaction")
                        .detailType("OrderCreated")
                        .time(time)
                        .detail("{\"subject\":\"" + UUID.randomUUID() + "\"}")
                        .build()))
        .entries()
        .get(0)
        .eventId();
  }

  private StartReplayResponse startReplay(String name, String onlyRule) {
    String archiveArn =
        events.describeArchive(a -> a.archiveName(topology.archiveName())).archiveArn();
    String busArn = events.describeEventBus(b -> b.name(topology.busName())).arn();
    return events.startReplay(
        r ->
            r.replayName(name)
                .eventSourceArn(archiveArn)
                .eventStartTime(now.minus(30, ChronoUnit.MINUTES))
                .eventEndTime(now.plusSeconds(1))
                .destination(
                    d -> {
                      d.arn(busArn);
                      if (onlyRule != null) {
                        d.filterArns(onlyRule);
                      }
                    }));
  }

  private DescribeReplayResponse awaitCompleted(String replay) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> events.describeReplay(r -> r.replayName(replay)),
            r -> r.state() == ReplayState.COMPLETED);
  }
}
