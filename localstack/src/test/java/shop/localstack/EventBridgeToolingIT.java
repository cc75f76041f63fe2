package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Archive;
import software.amazon.awssdk.services.eventbridge.model.ArchiveState;
import software.amazon.awssdk.services.eventbridge.model.CancelReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.IllegalStatusException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Replay;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.UpdateArchiveResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The operations AWS tooling calls (the console, the CLI's list-* and test-event-pattern,
 * infrastructure tools), through the SDK's EventBridgeClient against a local EventBridge of its
 * own: no other emulator is needed, and replays run only when a test runs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventBridgeToolingIT {
  private static final String ORDER_PATTERN = "{\"source\":[\"shop.transaction\"]}";

  private final HeldReplays replays = new HeldReplays();
  private LocalEventBridge bridge;
  private EventBridgeClient events;

  @BeforeAll
  void startALocalEventBridge() throws IOException {
    // no rule here has a target, so this client never sends anything
    SqsClient unusedSqs =
        SqsClient.builder()
            .region(Region.of(LocalCloud.REGION))
            .credentialsProvider(credentials())
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    bridge =
        LocalEventBridge.start(
            "127.0.0.1", 0, LocalCloud.REGION, LocalCloud.ACCOUNT, unusedSqs, replays);
    events =
        EventBridgeClient.builder()
            .region(Region.of(LocalCloud.REGION))
            .credentialsProvider(credentials())
            .endpointOverride(URI.create("http://127.0.0.1:" + bridge.port()))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }

  @AfterAll
  void stop() {
    events.close();
    bridge.close();
  }

  @Test
  void listsTheDefaultBusAndTheCreatedOnesWithTheirDescriptionAndTimes() {
    String name = unique("orders");
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    events.createEventBus(b -> b.name(name).description("the order events"));

    List<EventBus> buses = events.listEventBuses(l -> {}).eventBuses();

    assertThat(buses).extracting(EventBus::name).contains("default", name);
    EventBus created = buses.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    assertThat(created.arn()).isEqualTo(arn("event-bus/" + name));
    assertThat(created.description()).isEqualTo("the order events");
    assertThat(created.creationTime()).isAfterOrEqualTo(before);
    assertThat(created.lastModifiedTime()).isEqualTo(created.creationTime());
    assertThat(events.listEventBuses(l -> l.namePrefix(name)).eventBuses())
        .extracting(EventBus::name)
        .containsExactly(name);
  }

  @Test
  void pagesListEventBusesByLimitAndNextToken() {
    String prefix = unique("paged");
    for (String suffix : List.of("-a", "-b", "-c")) {
      events.createEventBus(b -> b.name(prefix + suffix));
    }

    ListEventBusesResponse first = events.listEventBuses(l -> l.namePrefix(prefix).limit(2));
    ListEventBusesResponse second =
        events.listEventBuses(l -> l.namePrefix(prefix).limit(2).nextToken(first.nextToken()));

    assertThat(first.eventBuses())
        .extracting(EventBus::name)
        .containsExactly(prefix + "-a", prefix + "-b");
    assertThat(first.nextToken()).isNotBlank();
    assertThat(second.eventBuses()).extracting(EventBus::name).containsExactly(prefix + "-c");
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void rejectsALimitOutsideOneToAHundredAndATokenItDidNotIssue() {
    assertValidationError(() -> events.listEventBuses(l -> l.limit(0)), "'limit'");
    assertValidationError(() -> events.listArchives(l -> l.limit(101)), "'limit'");
    assertValidationError(
        () -> events.listReplays(l -> l.nextToken("not-a-token")), "nextToken provided is invalid");
  }

  @Test
  void listsArchivesWithTheirCountsAndFiltersThemByPrefixSourceOrState() {
    String bus = createBus();
    String archive = unique("orders-archive");
    createArchive(archive, bus, null);
    putOrder(bus, Instant.now());
    putOrder(bus, Instant.now());

    Archive listed = events.listArchives(l -> l.namePrefix(archive)).archives().get(0);

    assertThat(listed.archiveName()).isEqualTo(archive);
    assertThat(listed.eventSourceArn()).isEqualTo(arn("event-bus/" + bus));
    assertThat(listed.state()).isEqualTo(ArchiveState.ENABLED);
    assertThat(listed.retentionDays()).isEqualTo(7);
    assertThat(listed.eventCount()).isEqualTo(2);
    assertThat(listed.sizeBytes()).isPositive();
    assertThat(listed.creationTime()).isNotNull();
    assertThat(events.listArchives(l -> l.eventSourceArn(arn("event-bus/" + bus))).archives())
        .extracting(Archive::archiveName)
        .containsExactly(archive);
    assertThat(events.listArchives(l -> l.state(ArchiveState.ENABLED)).archives())
        .extracting(Archive::archiveName)
        .contains(archive);
    assertThat(events.listArchives(l -> l.state(ArchiveState.DISABLED)).archives()).isEmpty();
  }

  @Test
  void rejectsListArchivesWithTwoFiltersAnUnknownStateOrABusThatDoesNotExist() {
    assertValidationError(
        () -> events.listArchives(l -> l.namePrefix("a").state(ArchiveState.ENABLED)),
        "At most one filter is allowed for ListArchives");
    assertValidationError(
        () -> events.listArchives(l -> l.state("SLEEPING")), "Member must satisfy enum value set");
    assertThatThrownBy(
            () -> events.listArchives(l -> l.eventSourceArn(arn("event-bus/" + unique("none")))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void updatesAnArchiveSoItsNewPatternFilesOnlyTheEventsItMatches() {
    String bus = createBus();
    String archive = unique("updated");
    Instant created = createArchive(archive, bus, null);

    UpdateArchiveResponse updated =
        events.updateArchive(
            u ->
                u.archiveName(archive)
                    .description("shipments only")
                    .eventPattern("{\"source\":[\"shop.shipping\"]}")
                    .retentionDays(30));
    putOrder(bus, Instant.now());

    assertThat(updated.archiveArn()).isEqualTo(arn("archive/" + archive));
    assertThat(updated.state()).isEqualTo(ArchiveState.ENABLED);
    assertThat(updated.creationTime()).isEqualTo(created);
    DescribeArchiveResponse described = events.describeArchive(d -> d.archiveName(archive));
    assertThat(described.description()).isEqualTo("shipments only");
    assertThat(described.eventPattern()).isEqualTo("{\"source\":[\"shop.shipping\"]}");
    assertThat(described.retentionDays()).isEqualTo(30);
    assertThat(described.eventCount()).as("an order event after the update").isZero();
  }

  @Test
  void rejectsAnUpdateWithAnInvalidPatternAndOfAnArchiveThatDoesNotExist() {
    String archive = unique("strict");
    createArchive(archive, createBus(), ORDER_PATTERN);

    assertThatThrownBy(
            () ->
                events.updateArchive(
                    u -> u.archiveName(archive).eventPattern("{\"source\":\"not-a-list\"}")))
        .isInstanceOf(InvalidEventPatternException.class)
        .hasMessageContaining("Event pattern is not valid.");
    assertThat(events.describeArchive(d -> d.archiveName(archive)).eventPattern())
        .isEqualTo(ORDER_PATTERN);
    assertThatThrownBy(
            () -> events.updateArchive(u -> u.archiveName(unique("missing")).description("x")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void deletesAnArchiveSoDescribingItAnswersResourceNotFound() {
    String archive = unique("deleted");
    createArchive(archive, createBus(), null);

    events.deleteArchive(d -> d.archiveName(archive));

    assertThatThrownBy(() -> events.describeArchive(d -> d.archiveName(archive)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Archive " + archive + " does not exist.");
    assertThat(events.listArchives(l -> l.namePrefix(archive)).archives()).isEmpty();
    assertThatThrownBy(() -> events.deleteArchive(d -> d.archiveName(archive)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void listsReplaysWithTheirWindowAndStateFilteredByPrefixSourceOrState() {
    String bus = createBus();
    String archive = unique("replayed");
    createArchive(archive, bus, null);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    putOrder(bus, now.minusSeconds(60));
    String replay = unique("listed");
    startReplay(replay, archive, bus, now.minusSeconds(3600), now.plusSeconds(1));
    replays.runAll();

    Replay listed = events.listReplays(l -> l.namePrefix(replay)).replays().get(0);

    assertThat(listed.replayName()).isEqualTo(replay);
    assertThat(listed.eventSourceArn()).isEqualTo(arn("archive/" + archive));
    assertThat(listed.state()).isEqualTo(ReplayState.COMPLETED);
    assertThat(listed.stateReason()).isEqualTo("Replay completed.");
    assertThat(listed.eventStartTime()).isEqualTo(now.minusSeconds(3600));
    assertThat(listed.eventEndTime()).isEqualTo(now.plusSeconds(1));
    assertThat(listed.eventLastReplayedTime()).isEqualTo(now.minusSeconds(60));
    assertThat(listed.replayStartTime()).isNotNull();
    assertThat(listed.replayEndTime()).isAfterOrEqualTo(listed.replayStartTime());
    assertThat(events.listReplays(l -> l.eventSourceArn(arn("archive/" + archive))).replays())
        .extracting(Replay::replayName)
        .containsExactly(replay);
    assertThat(events.listReplays(l -> l.state(ReplayState.COMPLETED)).replays())
        .extracting(Replay::replayName)
        .contains(replay);
    assertThat(events.listReplays(l -> l.state(ReplayState.RUNNING)).replays())
        .extracting(Replay::replayName)
        .doesNotContain(replay);
    assertValidationError(
        () -> events.listReplays(l -> l.namePrefix(replay).state(ReplayState.COMPLETED)),
        "At most one filter is allowed for ListReplays");
  }

  @Test
  void cancelsAReplayThatHasNotStartedSoItNeverSendsAnEvent() {
    String bus = createBus();
    String archive = unique("cancelled");
    createArchive(archive, bus, null);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    putOrder(bus, now.minusSeconds(60));
    String replay = unique("cancelled");
    startReplay(replay, archive, bus, now.minusSeconds(3600), now.plusSeconds(1));

    CancelReplayResponse cancelled = events.cancelReplay(c -> c.replayName(replay));
    replays.runAll();

    assertThat(cancelled.replayArn()).isEqualTo(arn("replay/" + replay));
    assertThat(cancelled.state()).isEqualTo(ReplayState.CANCELLED);
    assertThat(cancelled.stateReason()).isEqualTo("Replay was cancelled.");
    DescribeReplayResponse described = events.describeReplay(d -> d.replayName(replay));
    assertThat(described.state()).isEqualTo(ReplayState.CANCELLED);
    assertThat(described.replayEndTime()).isNotNull();
    assertThat(described.eventLastReplayedTime()).as("no event replayed").isNull();
  }

  @Test
  void refusesToCancelAFinishedReplayOrOneThatDoesNotExist() {
    String bus = createBus();
    String archive = unique("finished");
    createArchive(archive, bus, null);
    Instant now = Instant.now();
    String replay = unique("finished");
    startReplay(replay, archive, bus, now.minusSeconds(3600), now);
    replays.runAll();

    assertThatThrownBy(() -> events.cancelReplay(c -> c.replayName(replay)))
        .isInstanceOfSatisfying(
            IllegalStatusException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
        .hasMessageContaining("Replay " + replay + " is not in a valid state for this operation.");
    assertThatThrownBy(() -> events.cancelReplay(c -> c.replayName(unique("missing"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void testsAnEventAgainstAPatternWithAwsRuleEngine() {
    String pattern =
        "{\"source\":[{\"prefix\":\"shop.\"}],\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}";

    assertThat(
            events
                .testEventPattern(
                    t -> t.eventPattern(pattern).event(event("shop.transaction", 250)))
                .result())
        .isTrue();
    assertThat(
            events
                .testEventPattern(t -> t.eventPattern(pattern).event(event("shop.transaction", 99)))
                .result())
        .isFalse();
    assertThat(
            events
                .testEventPattern(t -> t.eventPattern(pattern).event(event("other.app", 250)))
                .result())
        .isFalse();
  }

  @Test
  void rejectsAnInvalidPatternAndAnEventWithoutTheRequiredEnvelopeFields() {
    assertThatThrownBy(
            () ->
                events.testEventPattern(
                    t -> t.eventPattern("{\"source\":\"shop\"}").event(event("shop", 1))))
        .isInstanceOf(InvalidEventPatternException.class)
        .hasMessageStartingWith("Event pattern is not valid. Reason:");
    assertValidationError(
        () ->
            events.testEventPattern(
                t -> t.eventPattern(ORDER_PATTERN).event("{\"source\":\"shop.transaction\"}")),
        "Parameter Event is not valid.");
    assertValidationError(
        () -> events.testEventPattern(t -> t.eventPattern(ORDER_PATTERN).event("{\"id\":")),
        "Parameter Event is not valid.");
  }

  private static String event(String source, int total) {
    return """
        {"version":"0","id":"%s","detail-type":"OrderCreated","source":"%s",\
        "account":"%s","time":"2030-01-02T03:04:05Z","region":"%s","resources":[],\
        "detail":{"total":%d}}"""
        .formatted(UUID.randomUUID(), source, LocalCloud.ACCOUNT, LocalCloud.REGION, total);
  }

  private String createBus() {
    String name = unique("bus");
    events.createEventBus(b -> b.name(name));
    return name;
  }

  /** Creates an archive keeping events for 7 days, of every event when {@code pattern} is null. */
  private Instant createArchive(String name, String bus, String pattern) {
    return events
        .createArchive(
            a ->
                a.archiveName(name)
                    .eventSourceArn(arn("event-bus/" + bus))
                    .eventPattern(pattern)
                    .retentionDays(7))
        .creationTime();
  }

  private void putOrder(String bus, Instant time) {
    assertThat(
            events
                .putEvents(
                    p ->
                        p.entries(
                            PutEventsRequestEntry.builder()
                                .eventBusName(bus)
                                .source("shop.transaction")
                                .detailType("OrderCreated")
                                .time(time)
                                .detail("{\"total\":1}")
                                .build()))
                .failedEntryCount())
        .isZero();
  }

  private void startReplay(String name, String archive, String bus, Instant from, Instant to) {
    events.startReplay(
        r ->
            r.replayName(name)
                .eventSourceArn(arn("archive/" + archive))
                .eventStartTime(from)
                .eventEndTime(to)
                .destination(d -> d.arn(arn("event-bus/" + bus))));
  }

  private static void assertValidationError(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            EventBridgeException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage()).contains(message);
            });
  }

  private static String arn(String resource) {
    return "arn:aws:events:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT + ":" + resource;
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
  }

  /** Holds the replays it is given until the test runs them, on the test's thread. */
  private static final class HeldReplays implements Executor {
    private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable replay) {
      held.add(replay);
    }

    void runAll() {
      for (Runnable replay = held.poll(); replay != null; replay = held.poll()) {
        replay.run();
      }
    }
  }
}
