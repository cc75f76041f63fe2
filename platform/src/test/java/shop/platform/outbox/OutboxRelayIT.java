package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.platform.testing.EventFixtures.orderCreated;
import static shop.platform.testing.EventFixtures.userRegistered;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import shop.events.CloudEventCodec;
import shop.events.EventEnvelope;
import shop.events.InvalidEventException;
import shop.events.ShopEvent;
import shop.events.UserRegistered;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.observability.Traces;
import shop.platform.postgres.PostgresDatabase;
import shop.platform.testing.CapturedMetrics;
import shop.platform.testing.EmbeddedDatabase;
import shop.platform.testing.EventFixtures;
import shop.platform.testing.FakeEventBridge;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

class OutboxRelayIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final RelayPolicy POLICY =
      new RelayPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));

  private static EmbeddedDatabase db;
  private static FakeEventBridge eventBridge;
  private static EventBridgeClient client;

  private static PostgresDatabase database;
  private static PostgresOutboxStore store;

  private final OutboxWriter writer = new OutboxWriter();
  private OutboxRelay relay;

  @BeforeAll
  static void start() {
    db = EmbeddedDatabase.start("classpath:db/platform");
    db.execute("CREATE TABLE test_orders (id text PRIMARY KEY)");
    database = new PostgresDatabase(db.connections());
    store = new PostgresOutboxStore(database);
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
  static void stop() throws Exception {
    client.close();
    eventBridge.close();
    db.close();
  }

  @BeforeEach
  void reset() {
    db.execute("TRUNCATE event_outbox, test_orders");
    eventBridge.reset();
    relay = newRelay();
  }

  @Test
  void sendsCommittedRowsRightAfterCommitAndMarksThemSent() {
    List<EventEnvelope<?>> events = List.of(userRegistered(), orderCreated(), userRegistered());
    commit(events);

    RelaySummary summary = relay.relay(ids(events));

    assertThat(summary).isEqualTo(new RelaySummary(3, 0, 0));
    assertThat(eventBridge.acceptedIds()).containsExactlyInAnyOrderElementsOf(stringIds(events));
    FakeEventBridge.Accepted order =
        eventBridge.accepted().stream()
            .filter(a -> a.eventId().equals(events.get(1).id()))
            .findFirst()
            .orElseThrow();
    assertThat(order.busName()).isEqualTo("shop-events");
    assertThat(order.source()).isEqualTo("shop.transaction");
    assertThat(order.detailType()).isEqualTo("OrderCreated");
    assertThat(CloudEventCodec.instance().decode(order.detail())).isEqualTo(events.get(1));
    assertThat(
            db.count(
                "SELECT count(*) FROM event_outbox WHERE status = 'SENT' AND attempts = 1"
                    + " AND sent_at IS NOT NULL AND last_error IS NULL"))
        .isEqualTo(3);
    assertThat(relay.relayPending(100)).isEqualTo(RelaySummary.NONE);
  }

  @Test
  void neverSendsRowsOfARolledBackTransaction() {
    EventEnvelope<UserRegistered> event = userRegistered();

    assertThatThrownBy(
            () ->
                database.transaction(
                    connection ->
                        writer
                            .append(connection, event)
                            .then(Mono.error(new IllegalStateException("use case failed")))))
        .hasMessageContaining("use case failed");

    assertThat(relay.relay(ids(List.of(event)))).isEqualTo(RelaySummary.NONE);
    assertThat(relay.relayPending(100)).isEqualTo(RelaySummary.NONE);
    assertThat(eventBridge.requests()).isZero();
    assertThat(db.count("SELECT count(*) FROM event_outbox")).isZero();
  }

  @Test
  void anInvalidEventFailsTheWritersTransaction() {
    EventEnvelope<UserRegistered> invalid = EventFixtures.userRegisteredWithBadPhone();

    assertThatThrownBy(
            () ->
                database.transaction(
                    connection ->
                        insertOrder(connection, "order-1")
                            .then(writer.append(connection, userRegistered()))
                            .then(writer.append(connection, invalid))))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("phone");

    assertThat(db.count("SELECT count(*) FROM test_orders")).isZero();
    assertThat(db.count("SELECT count(*) FROM event_outbox")).isZero();
  }

  @Test
  void retriesPartialFailuresLaterAndSendsEachEventOnce() {
    List<EventEnvelope<?>> events = List.of(userRegistered(), userRegistered(), userRegistered());
    commit(events);
    String throttled = events.get(1).id();
    eventBridge.failEntries(Set.of(throttled));

    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(2, 1, 0));

    assertThat(
            db.count(
                "SELECT count(*) FROM event_outbox WHERE id = '"
                    + throttled
                    + "' AND status = 'PENDING' AND attempts = 1 AND next_attempt_at > now()"
                    + " AND last_error LIKE 'ThrottlingException: Rate exceeded%'"))
        .isEqualTo(1);
    // Not due yet: the backoff holds it back even when the bus is healthy again.
    eventBridge.recover();
    assertThat(relay.relayPending(100)).isEqualTo(RelaySummary.NONE);

    backoffElapses();
    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(1, 0, 0));
    assertThat(eventBridge.acceptedIds()).containsExactlyInAnyOrderElementsOf(stringIds(events));
    assertThat(db.count("SELECT count(*) FROM event_outbox WHERE status = 'SENT'")).isEqualTo(3);
    assertThat(db.count("SELECT attempts FROM event_outbox WHERE id = '" + throttled + "'"))
        .isEqualTo(2);
  }

  @Test
  void keepsEveryRowWhileTheBusIsDownAndParksItWithItsErrorAfterMaxAttempts() {
    EventEnvelope<UserRegistered> event = userRegistered();
    commit(List.of(event));
    eventBridge.failRequests(500);

    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(0, 1, 0));
    backoffElapses();
    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(0, 1, 0));
    backoffElapses();
    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(0, 0, 1));

    String lastError =
        db.query(
            "SELECT status, attempts, last_error FROM event_outbox WHERE id = '" + event.id() + "'",
            rs -> {
              rs.next();
              assertThat(rs.getString("status")).isEqualTo("PARKED");
              assertThat(rs.getInt("attempts")).isEqualTo(3);
              return rs.getString("last_error");
            });
    assertThat(lastError).contains("the bus is down").contains("500");
    // Parked rows wait for an operator, however long the bus has been back.
    eventBridge.recover();
    backoffElapses();
    assertThat(relay.relayPending(100)).isEqualTo(RelaySummary.NONE);
    assertThat(eventBridge.accepted()).isEmpty();
  }

  @Test
  void backsOffWhenTheBusAdapterItselfBreaks() {
    commit(List.of(userRegistered(), userRegistered()));
    OutboxRelay broken =
        new OutboxRelay(
            store,
            events -> {
              throw new IllegalStateException("adapter bug");
            },
            POLICY);

    assertThat(broken.relayPending(100)).isEqualTo(new RelaySummary(0, 2, 0));
    assertThat(
            db.count(
                "SELECT count(*) FROM event_outbox WHERE status = 'PENDING'"
                    + " AND attempts = 1 AND last_error = 'IllegalStateException: adapter bug'"))
        .isEqualTo(2);
  }

  @Test
  void holdsNoConnectionWhileTheBusAnswers() {
    List<EventEnvelope<?>> events = List.of(userRegistered(), orderCreated());
    commit(events);
    ConnectionPool onlyOne =
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(db.connections())
                .initialSize(0)
                .maxSize(1)
                .maxAcquireTime(Duration.ofSeconds(2))
                .build());
    EventBus bus = new EventBridgeBus(client, "shop-events");
    // While the bus answers, the service's requests still get the pool's only connection.
    EventBus busWhileTheServiceWorks =
        outgoing -> {
          Mono.usingWhen(
                  onlyOne.create(),
                  c -> Mono.from(c.createStatement("SELECT 1").execute()),
                  c -> c.close())
              .block(Duration.ofSeconds(5));
          return bus.publish(outgoing);
        };
    try {
      OutboxRelay relay =
          new OutboxRelay(
              new PostgresOutboxStore(new PostgresDatabase(onlyOne)),
              busWhileTheServiceWorks,
              POLICY);

      assertThat(relay.relay(ids(events))).isEqualTo(new RelaySummary(2, 0, 0));
      assertThat(
              db.count("SELECT count(*) FROM event_outbox WHERE status = 'SENT' AND attempts = 1"))
          .isEqualTo(2);
    } finally {
      onlyOne.dispose();
    }
  }

  @Test
  void parksARowOfAnUnknownEventTypeWithoutSendingIt() {
    db.execute(
        "INSERT INTO event_outbox (id, event_type, source, subject, payload) VALUES ('"
            + UUID.randomUUID()
            + "', 'shop.order.teleported.v9', 'shop.transaction', 'o-1',"
            + " '{\"time\":\"2026-01-01T00:00:00Z\"}')");

    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(0, 0, 1));
    assertThat(eventBridge.requests()).isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM event_outbox WHERE status = 'PARKED'"
                    + " AND last_error = 'unknown event type shop.order.teleported.v9'"))
        .isEqualTo(1);
  }

  @Test
  void concurrentRelaysSendEachRowExactlyOnce() {
    List<EventEnvelope<?>> events =
        IntStream.range(0, 45).<EventEnvelope<?>>mapToObj(i -> userRegistered()).toList();
    commit(events);
    OutboxRelay other = newRelay();

    List<RelaySummary> summaries =
        Flux.merge(
                Mono.fromCallable(() -> relay.relayPending(100))
                    .subscribeOn(Schedulers.boundedElastic()),
                Mono.fromCallable(() -> other.relayPending(100))
                    .subscribeOn(Schedulers.boundedElastic()),
                Mono.fromCallable(() -> relay.relay(ids(events.subList(0, 20))))
                    .subscribeOn(Schedulers.boundedElastic()))
            .collectList()
            .block(TIMEOUT);

    assertThat(summaries.stream().mapToInt(RelaySummary::sent).sum()).isEqualTo(45);
    assertThat(eventBridge.acceptedIds())
        .hasSize(45)
        .containsExactlyInAnyOrderElementsOf(stringIds(events));
    assertThat(db.count("SELECT count(*) FROM event_outbox WHERE status = 'SENT' AND attempts = 1"))
        .isEqualTo(45);
  }

  @Test
  void sendsAtMostTheRequestedNumberOfRowsPerSweep() {
    commit(IntStream.range(0, 25).<EventEnvelope<?>>mapToObj(i -> userRegistered()).toList());

    assertThat(relay.relayPending(12)).isEqualTo(new RelaySummary(12, 0, 0));
    assertThat(eventBridge.requests()).isEqualTo(2);
    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(13, 0, 0));
  }

  @Test
  void theSweepDeletesOnlyRowsSentLongerAgoThanTheRetention() {
    List<EventEnvelope<?>> old = List.of(userRegistered(), userRegistered(), userRegistered());
    List<EventEnvelope<?>> recent = List.of(userRegistered());
    commit(old);
    commit(recent);
    relay.relay(ids(old));
    relay.relay(ids(recent));
    db.execute(
        "UPDATE event_outbox SET sent_at = now() - interval '8 days' WHERE id IN ("
            + stringIds(old).stream().map(id -> "'" + id + "'").collect(Collectors.joining(","))
            + ")");
    List<EventEnvelope<?>> waiting = List.of(userRegistered());
    commit(waiting);
    eventBridge.failRequests(500);

    assertThat(relay.sweep(2)).isEqualTo(new RelaySummary(0, 1, 0));
    assertThat(db.count("SELECT count(*) FROM event_outbox WHERE status = 'SENT'")).isEqualTo(2);
    relay.sweep(100);

    assertThat(db.count("SELECT count(*) FROM event_outbox WHERE status = 'SENT'")).isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM event_outbox WHERE status = 'PENDING'")).isEqualTo(1);
    assertThat(
            db.count(
                "SELECT count(*) FROM event_outbox WHERE id = '" + recent.getFirst().id() + "'"))
        .isEqualTo(1);
  }

  @Test
  void theFastPathSendsWhatTheWorkCommittedAndNothingOfARollback() {
    List<EventEnvelope<?>> committed = List.of(userRegistered(), orderCreated());
    List<EventEnvelope<?>> rolledBack = List.of(userRegistered());
    List<EventEnvelope<?>> outside = List.of(userRegistered());
    commit(outside);

    String answer =
        relay.relayingAfter(
            () -> {
              commit(committed);
              assertThatThrownBy(
                      () ->
                          database.transaction(
                              c ->
                                  writer
                                      .append(c, rolledBack.getFirst())
                                      .then(Mono.error(new IllegalStateException("no")))))
                  .hasMessageContaining("no");
              // Nothing goes before the work is done.
              assertThat(eventBridge.requests()).isZero();
              return "done";
            });

    assertThat(answer).isEqualTo("done");
    assertThat(eventBridge.acceptedIds()).containsExactlyInAnyOrderElementsOf(ids(committed));
    // What was committed outside the work's scope is the sweep's.
    assertThat(db.count("SELECT count(*) FROM event_outbox WHERE status = 'PENDING'")).isEqualTo(1);
  }

  @Test
  void theFastPathRelaysWhatWasCommittedEvenWhenTheWorkThenFails() {
    List<EventEnvelope<?>> events = List.of(userRegistered());

    assertThatThrownBy(
            () ->
                relay.relayingAfter(
                    () -> {
                      commit(events);
                      throw new IllegalStateException("answer failed after the commit");
                    }))
        .hasMessageContaining("after the commit");

    assertThat(eventBridge.acceptedIds()).containsExactlyElementsOf(ids(events));
  }

  @Test
  void operatorsListParkedRowsAndPutThemBackInLine() {
    List<EventEnvelope<?>> events = List.of(userRegistered(), orderCreated(), userRegistered());
    commit(events);
    ParkedEntriesCheck.parkedEntriesGoBackInLine(
        store, relay, POLICY, eventBridge, events, OutboxRelayIT::backoffElapses, "not-a-uuid");
  }

  @Test
  void sendsTheTraceOfTheWorkThatWroteTheEventAsItsTraceHeader() {
    String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    EventEnvelope<?> traced = orderCreated();
    EventEnvelope<?> untraced = userRegistered();
    try (Traces.Scope scope = Traces.continueFrom(header)) {
      commit(List.of(traced));
    }
    commit(List.of(untraced));

    relay.relay(List.of(traced.id(), untraced.id()));

    assertThat(eventBridge.accepted())
        .extracting(FakeEventBridge.Accepted::eventId, FakeEventBridge.Accepted::traceHeader)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(traced.id(), header),
            org.assertj.core.groups.Tuple.tuple(untraced.id(), null));
  }

  @Test
  void theSweepMeasuresWhatIsStillPendingAndHowOldTheOldestIs() {
    CapturedMetrics metrics = new CapturedMetrics();
    eventBridge.failRequests(500);
    List<EventEnvelope<?>> events = List.of(orderCreated(), orderCreated());
    commit(events);
    db.execute("UPDATE event_outbox SET created_at = now() - interval '10 minutes'");
    OutboxRelay measured =
        new OutboxRelay(
            store,
            new EventBridgeBus(client, "shop-events"),
            POLICY,
            () -> 0.5,
            metrics.metrics(),
            java.time.Clock.systemUTC());

    assertThat(store.backlog().pending()).isEqualTo(2);
    measured.sweep(10);

    var line = metrics.withMetric("OutboxPending").getFirst();
    assertThat(line.get("outbox").asText()).isEqualTo("shop.transaction");
    assertThat(line.get("OutboxPending").asLong()).isEqualTo(2);
    assertThat(line.get("OutboxOldestPendingAgeMs").asDouble())
        .isGreaterThanOrEqualTo(Duration.ofMinutes(10).toMillis());

    db.execute("UPDATE event_outbox SET status = 'SENT', sent_at = now()");
    assertThat(store.backlog()).isEqualTo(OutboxBacklog.EMPTY);
  }

  private OutboxRelay newRelay() {
    return new OutboxRelay(store, new EventBridgeBus(client, "shop-events"), POLICY);
  }

  private void commit(List<EventEnvelope<?>> events) {
    database.transaction(
        connection ->
            Flux.fromIterable(events).concatMap(event -> writer.append(connection, event)).then());
  }

  private static Mono<Long> insertOrder(io.r2dbc.spi.Connection connection, String id) {
    return Mono.from(
            connection
                .createStatement("INSERT INTO test_orders (id) VALUES ($1)")
                .bind(0, id)
                .execute())
        .flatMap(result -> Mono.from(result.getRowsUpdated()));
  }

  /**
   * Moves pending rows' due time to now: what waiting out the backoff would do, without waiting.
   */
  private static void backoffElapses() {
    db.execute("UPDATE event_outbox SET next_attempt_at = now() WHERE status = 'PENDING'");
  }

  private static List<String> ids(List<? extends EventEnvelope<? extends ShopEvent>> events) {
    return events.stream().map(EventEnvelope::id).toList();
  }

  private static List<String> stringIds(List<? extends EventEnvelope<?>> events) {
    return events.stream().map(EventEnvelope::id).toList();
  }
}
