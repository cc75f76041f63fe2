package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.platform.testing.EventFixtures.orderCreated;
import static shop.platform.testing.EventFixtures.userRegistered;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.events.EventEnvelope;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.observability.Traces;
import shop.platform.testing.FakeEventBridge;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The MongoDB outbox under the one relay, on the Mongo-wire server (memory backend): claims under a
 * lease keep racing relays from sending an entry twice, the sweep's retention, parking and the
 * operators' retry. {@link OutboxRelayIT} is the PostgreSQL twin.
 */
class MongoOutboxStoreIT {
  private static final RelayPolicy POLICY =
      new RelayPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));

  private static MongoServer server;
  private static MongoClient mongo;
  private static FakeEventBridge eventBridge;
  private static EventBridgeClient client;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private MongoOutboxStore store;
  private OutboxRelay relay;

  @BeforeAll
  static void start() {
    server = new MongoServer(new MemoryBackend());
    mongo = MongoClients.create(server.bindAndGetConnectionString());
    eventBridge = FakeEventBridge.start();
    Config config =
        new Config(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL_EVENTBRIDGE", eventBridge.endpoint().toString()));
    // The relay's own backoff is under test; the SDK's retries would only slow the failures down.
    client =
        new AwsClients(config)
            .build(
                EventBridgeClient.builder()
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())),
                "EVENTBRIDGE");
  }

  @AfterAll
  static void stop() {
    client.close();
    eventBridge.close();
    mongo.close();
    server.shutdownNow();
  }

  @BeforeEach
  void freshOutbox() {
    eventBridge.reset();
    store = new MongoOutboxStore(mongo.getDatabase("outbox-" + UUID.randomUUID()), clock);
    store.createIndexes();
    relay = newRelay();
  }

  @Test
  void keepsTheTraceOfTheWorkThatAppendedTheEventForThePutEvents() {
    String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
    EventEnvelope<?> event = orderCreated();
    try (Traces.Scope scope = Traces.continueFrom(header)) {
      store.append(event);
    }

    relay.relay(List.of(event.id()));

    assertThat(eventBridge.accepted())
        .singleElement()
        .extracting(a -> a.traceHeader())
        .isEqualTo(header);
  }

  @Test
  void theBacklogCountsPendingEntriesAndDatesTheOldest() {
    assertThat(store.backlog()).isEqualTo(OutboxBacklog.EMPTY);
    Instant first = clock.instant();
    store.append(orderCreated());
    clock.advance(Duration.ofMinutes(1));
    store.append(orderCreated());

    OutboxBacklog backlog = store.backlog();

    assertThat(backlog.pending()).isEqualTo(2);
    assertThat(backlog.oldestPending()).isEqualTo(first);
    assertThat(backlog.source()).isEqualTo("shop.transaction");
  }

  @Test
  void appendingTheSameEventAgainChangesNothingAndItIsSentOnce() {
    EventEnvelope<?> event = orderCreated();
    store.append(event);
    store.append(event);

    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(1, 0, 0));
    store.append(event);

    assertThat(relay.relayPending(100)).isEqualTo(RelaySummary.NONE);
    assertThat(eventBridge.acceptedIds()).containsExactly(event.id());
    FakeEventBridge.Accepted sent = eventBridge.accepted().getFirst();
    assertThat(sent.source()).isEqualTo("shop.transaction");
    assertThat(sent.detailType()).isEqualTo("OrderCreated");
    assertThat(store.status(event.id())).contains("SENT");
  }

  @Test
  void theFastPathSendsWhatTheWorkAppended() {
    EventEnvelope<?> outside = userRegistered();
    store.append(outside);
    List<EventEnvelope<?>> appended = List.of(userRegistered(), orderCreated());

    relay.relayingAfter(
        () -> {
          appended.forEach(store::append);
          return null;
        });

    assertThat(eventBridge.acceptedIds()).containsExactlyInAnyOrderElementsOf(ids(appended));
    // What was appended outside the work's scope is the sweep's.
    assertThat(store.status(outside.id())).contains("PENDING");
  }

  @Test
  void relaysRacingOverOverlappingEntriesSendEachEventExactlyOnce() {
    List<EventEnvelope<?>> events =
        IntStream.range(0, 25).<EventEnvelope<?>>mapToObj(i -> userRegistered()).toList();
    events.forEach(store::append);
    List<String> ids = ids(events);

    // Four relays race over overlapping windows of the entries (0-14, 5-19, 10-24, 15-24 and 0-4),
    // each with its own claims, and a sweep over all of them, until every entry is sent.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    AtomicBoolean done = new AtomicBoolean();
    try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
      for (int i = 0; i < 5; i++) {
        int from = i * 5;
        OutboxRelay own = newRelay();
        Runnable work =
            i == 4
                ? () -> own.sweep(100)
                : () ->
                    own.relay(
                        IntStream.range(from, from + 15)
                            .mapToObj(k -> ids.get(k % ids.size()))
                            .toList());
        threads.execute(
            () -> {
              while (!done.get() && System.nanoTime() < deadline) {
                work.run();
                done.compareAndSet(
                    false,
                    ids.stream().allMatch(id -> store.status(id).equals(Optional.of("SENT"))));
              }
            });
      }
    }

    assertThat(eventBridge.acceptedIds()).doesNotHaveDuplicates().hasSize(25);
    assertThat(eventBridge.acceptedIds()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(ids).allSatisfy(id -> assertThat(store.status(id)).contains("SENT"));
  }

  @Test
  void theSweepDeletesOnlyEntriesSentLongerAgoThanTheRetention() {
    List<EventEnvelope<?>> old = List.of(userRegistered(), userRegistered(), userRegistered());
    old.forEach(store::append);
    relay.relay(ids(old));
    clock.advance(Duration.ofDays(8));
    EventEnvelope<?> recent = userRegistered();
    store.append(recent);
    relay.relay(List.of(recent.id()));
    EventEnvelope<?> waiting = userRegistered();
    store.append(waiting);
    eventBridge.failRequests(500);

    assertThat(relay.sweep(2)).isEqualTo(new RelaySummary(0, 1, 0));
    assertThat(old.stream().filter(e -> store.status(e.id()).isPresent())).hasSize(1);
    relay.sweep(100);

    assertThat(old).allSatisfy(e -> assertThat(store.status(e.id())).isEmpty());
    assertThat(store.status(recent.id())).contains("SENT");
    assertThat(store.status(waiting.id())).contains("PENDING");
  }

  @Test
  void keepsAnEntryWhileTheBusIsDownAndParksItAfterMaxAttempts() {
    EventEnvelope<?> event = orderCreated();
    store.append(event);
    eventBridge.failRequests(500);

    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(0, 1, 0));
    // Not due yet: the backoff holds it back.
    assertThat(relay.relayPending(100)).isEqualTo(RelaySummary.NONE);
    clock.advance(Duration.ofMinutes(1));
    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(0, 1, 0));
    clock.advance(Duration.ofMinutes(1));
    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(0, 0, 1));

    assertThat(store.status(event.id())).contains("PARKED");
    ParkedEntry parked = store.parked(10).getFirst();
    assertThat(parked.id()).isEqualTo(event.id());
    assertThat(parked.attempts()).isEqualTo(3);
    assertThat(parked.lastError()).contains("500");
    // Parked entries wait for an operator, however long the bus has been back.
    eventBridge.recover();
    clock.advance(Duration.ofHours(1));
    assertThat(relay.relayPending(100)).isEqualTo(RelaySummary.NONE);
    assertThat(eventBridge.accepted()).isEmpty();
  }

  @Test
  void operatorsListParkedEntriesAndPutThemBackInLine() {
    List<EventEnvelope<?>> events = List.of(userRegistered(), orderCreated(), userRegistered());
    events.forEach(store::append);
    ParkedEntriesCheck.parkedEntriesGoBackInLine(
        store,
        relay,
        POLICY,
        eventBridge,
        events,
        () -> clock.advance(Duration.ofMinutes(1)),
        "not-an-entry");
  }

  private OutboxRelay newRelay() {
    return new OutboxRelay(store, new EventBridgeBus(client, "shop-events"), POLICY);
  }

  private static List<String> ids(List<? extends EventEnvelope<?>> events) {
    return events.stream().map(EventEnvelope::id).toList();
  }

  /** The store's clock, moved by the test: backoffs elapse and entries age without waiting. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the test's clock is in UTC");
    }
  }
}
