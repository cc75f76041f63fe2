package shop.platform.outbox;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import shop.events.EventType;

/**
 * Sends outbox rows to the bus. A handler relays its own rows right after its transaction commits
 * ({@link #relay}); a scheduled sweep relays whatever is still due ({@link #relayPending}).
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED} in a short statement that also pushes
 * their due time {@link RelayPolicy#claimTimeout} ahead, as a lease: concurrent relays never claim
 * the same row, and no connection is held across the network call to the bus: the claim and the
 * marks each take a connection from the pool for their statements only, so a slow bus never starves
 * the service's requests of connections. A row whose send fails waits a backoff and is parked after
 * {@link RelayPolicy#maxAttempts}. A relay that dies mid-pass leaves its rows pending, due again
 * when the lease ends: an event can be sent twice (consumers are idempotent on its id) but is never
 * lost. All times are the database's, so relays on different machines share one clock.
 */
public final class OutboxRelay {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int MAX_ERROR_LENGTH = 2000;

  private static final String CLAIM =
      """
      WITH due AS (
        SELECT id FROM event_outbox
        WHERE status = 'PENDING' AND next_attempt_at <= now() %s
        ORDER BY next_attempt_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED)
      UPDATE event_outbox o SET next_attempt_at = now() + make_interval(secs => $2)
      FROM due WHERE o.id = due.id
      RETURNING o.id, o.event_type, o.source, o.payload::text AS detail,
        (o.payload->>'time')::timestamptz AS event_time, o.attempts
      """;
  private static final String CLAIM_DUE = CLAIM.formatted("");
  private static final String CLAIM_IDS = CLAIM.formatted("AND id = ANY($3::uuid[])");
  private static final String MARK_SENT =
      "UPDATE event_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1,"
          + " last_error = NULL WHERE id = ANY($1::uuid[]) AND status = 'PENDING'";
  private static final String MARK_RETRY =
      "UPDATE event_outbox SET attempts = attempts + 1, last_error = $2,"
          + " next_attempt_at = now() + make_interval(secs => $3)"
          + " WHERE id = $1 AND status = 'PENDING'";
  private static final String MARK_PARKED =
      "UPDATE event_outbox SET status = 'PARKED', attempts = attempts + 1, last_error = $2"
          + " WHERE id = $1 AND status = 'PENDING'";

  private static final String DELETE_SENT =
      """
      DELETE FROM event_outbox WHERE id IN (
        SELECT id FROM event_outbox
        WHERE status = 'SENT' AND sent_at < now() - make_interval(secs => $1)
        ORDER BY sent_at
        LIMIT $2)
      """;

  private final ConnectionFactory connections;
  private final EventBus bus;
  private final RelayPolicy policy;
  private final DoubleSupplier random;

  public OutboxRelay(ConnectionFactory connections, EventBus bus, RelayPolicy policy) {
    this(connections, bus, policy, () -> ThreadLocalRandom.current().nextDouble());
  }

  OutboxRelay(
      ConnectionFactory connections, EventBus bus, RelayPolicy policy, DoubleSupplier random) {
    this.connections = connections;
    this.bus = bus;
    this.policy = policy;
    this.random = random;
  }

  /**
   * Sends the given rows if they are still pending and due: the fast path, called after the
   * transaction that wrote them has committed. Rows another relay holds are left to it.
   */
  public Mono<RelaySummary> relay(Collection<UUID> ids) {
    List<UUID> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Mono.just(RelaySummary.NONE);
    }
    List<List<UUID>> chunks = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i += EventBus.MAX_BATCH) {
      chunks.add(distinct.subList(i, Math.min(distinct.size(), i + EventBus.MAX_BATCH)));
    }
    return Flux.fromIterable(chunks)
        .concatMap(
            chunk ->
                withConnection(c -> claimIds(c, chunk).collectList()).flatMap(this::relayBatch))
        .reduce(RelaySummary.NONE, RelaySummary::plus);
  }

  /** Sends up to {@code max} due rows, oldest due first, in batches of ten: the sweep. */
  public Mono<RelaySummary> relayPending(int max) {
    if (max < 1) {
      return Mono.just(RelaySummary.NONE);
    }
    return relayDue(max);
  }

  /**
   * The scheduled sweep: sends up to {@code max} due rows ({@link #relayPending}), then deletes up
   * to {@code max} rows sent more than {@link RelayPolicy#SENT_RETENTION} ago ({@link
   * #deleteSent}).
   */
  public Mono<RelaySummary> sweep(int max) {
    return relayPending(max)
        .flatMap(summary -> deleteSent(RelayPolicy.SENT_RETENTION, max).thenReturn(summary));
  }

  /**
   * Deletes up to {@code max} rows sent more than {@code retention} ago, oldest first, so the table
   * holds what is pending or parked plus a recent history; returns how many went. A sent row is
   * never needed again: the bus has the event (and its archive keeps it for replays).
   */
  public Mono<Long> deleteSent(Duration retention, int max) {
    return withConnection(
        c ->
            update(c.createStatement(DELETE_SENT).bind(0, seconds(retention)).bind(1, max))
                .defaultIfEmpty(0L));
  }

  private Mono<RelaySummary> relayDue(int remaining) {
    int batch = Math.min(EventBus.MAX_BATCH, remaining);
    return withConnection(c -> claimDue(c, batch).collectList())
        .flatMap(
            rows ->
                relayBatch(rows)
                    .flatMap(
                        summary ->
                            rows.size() < batch || remaining - rows.size() < 1
                                ? Mono.just(summary)
                                : relayDue(remaining - rows.size()).map(summary::plus)));
  }

  private Flux<OutboxRow> claimDue(Connection connection, int limit) {
    return claim(connection.createStatement(CLAIM_DUE).bind(0, limit));
  }

  private Flux<OutboxRow> claimIds(Connection connection, List<UUID> ids) {
    String[] array = ids.stream().map(UUID::toString).toArray(String[]::new);
    return claim(connection.createStatement(CLAIM_IDS).bind(0, ids.size()).bind(2, array));
  }

  private Flux<OutboxRow> claim(Statement statement) {
    return Flux.from(statement.bind(1, seconds(policy.claimTimeout())).execute())
        .concatMap(
            result ->
                result.map(
                    (row, meta) ->
                        new OutboxRow(
                            row.get("id", UUID.class),
                            row.get("event_type", String.class),
                            row.get("source", String.class),
                            row.get("detail", String.class),
                            row.get("event_time", OffsetDateTime.class),
                            row.get("attempts", Integer.class))));
  }

  /** Sends the claimed rows that can be sent, then records every row's outcome. */
  private Mono<RelaySummary> relayBatch(List<OutboxRow> rows) {
    if (rows.isEmpty()) {
      return Mono.just(RelaySummary.NONE);
    }
    List<OutboxRow> sendable = new ArrayList<>();
    List<OutboxRow> unsendable = new ArrayList<>();
    for (OutboxRow row : rows) {
      (row.problem().isEmpty() ? sendable : unsendable).add(row);
    }
    return send(sendable)
        .flatMap(
            results ->
                withConnection(
                    connection -> {
                      // No retry can fix these rows themselves: park them for an operator at once.
                      List<Mono<RelaySummary>> marks = new ArrayList<>();
                      unsendable.forEach(
                          row -> marks.add(park(connection, row, row.problem().orElseThrow())));
                      List<UUID> sent = new ArrayList<>();
                      for (int i = 0; i < sendable.size(); i++) {
                        if (results.get(i).ok()) {
                          sent.add(sendable.get(i).id());
                        } else {
                          marks.add(failed(connection, sendable.get(i), results.get(i)));
                        }
                      }
                      marks.add(markSent(connection, sent));
                      return Flux.concat(marks).reduce(RelaySummary.NONE, RelaySummary::plus);
                    }));
  }

  /** The bus's result for each row, in order; holds no connection while the bus answers. */
  private Mono<List<EventBus.Result>> send(List<OutboxRow> rows) {
    if (rows.isEmpty()) {
      return Mono.just(List.of());
    }
    List<EventBus.Outgoing> outgoing = rows.stream().map(OutboxRow::outgoing).toList();
    // The bus client blocks; keep it off the database driver's event loop.
    return Mono.fromCallable(() -> publish(outgoing)).subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * The bus's results, or a failure for every event if the bus broke its contract: a row must go
   * through backoff and parking, never stay claimed and come back forever.
   */
  private List<EventBus.Result> publish(List<EventBus.Outgoing> outgoing) {
    try {
      List<EventBus.Result> results = bus.publish(outgoing);
      if (results.size() != outgoing.size()) {
        throw new IllegalStateException(
            "the bus answered " + results.size() + " results for " + outgoing.size() + " events");
      }
      return results;
    } catch (RuntimeException e) {
      log.error("publishing {} outbox events failed", outgoing.size(), e);
      EventBus.Result failed = EventBus.Result.failed(e.getClass().getSimpleName(), e.getMessage());
      return outgoing.stream().map(event -> failed).toList();
    }
  }

  private static Mono<RelaySummary> markSent(Connection connection, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Mono.just(RelaySummary.NONE);
    }
    String[] array = ids.stream().map(UUID::toString).toArray(String[]::new);
    return update(connection.createStatement(MARK_SENT).bind(0, array))
        .thenReturn(new RelaySummary(ids.size(), 0, 0));
  }

  private Mono<RelaySummary> failed(Connection connection, OutboxRow row, EventBus.Result result) {
    int failedAttempts = row.attempts() + 1;
    if (policy.parks(failedAttempts)) {
      return park(connection, row, result.describe());
    }
    Duration delay = policy.backoff(failedAttempts, random.getAsDouble());
    log.info(
        "outbox event {} ({}) failed attempt {}, retrying in {}: {}",
        row.id(),
        row.eventType(),
        failedAttempts,
        delay,
        result.describe());
    return update(
            connection
                .createStatement(MARK_RETRY)
                .bind(0, row.id())
                .bind(1, truncate(result.describe()))
                .bind(2, seconds(delay)))
        .thenReturn(new RelaySummary(0, 1, 0));
  }

  private Mono<RelaySummary> park(Connection connection, OutboxRow row, String error) {
    log.error(
        "outbox event {} ({}) parked after {} attempt(s): {}",
        row.id(),
        row.eventType(),
        row.attempts() + 1,
        error);
    return update(
            connection.createStatement(MARK_PARKED).bind(0, row.id()).bind(1, truncate(error)))
        .thenReturn(new RelaySummary(0, 0, 1));
  }

  private static Mono<Long> update(Statement statement) {
    return Mono.from(statement.execute()).flatMap(result -> Mono.from(result.getRowsUpdated()));
  }

  private <T> Mono<T> withConnection(java.util.function.Function<Connection, Mono<T>> work) {
    return Mono.usingWhen(connections.create(), work, Connection::close);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }

  /** A claimed row, as much as sending it needs. */
  private record OutboxRow(
      UUID id,
      String eventType,
      String source,
      String detail,
      OffsetDateTime eventTime,
      int attempts) {

    /** Why this row can never be sent, if so. */
    Optional<String> problem() {
      if (EventType.ofType(eventType).isEmpty()) {
        return Optional.of("unknown event type " + eventType);
      }
      return eventTime == null ? Optional.of("payload has no time") : Optional.empty();
    }

    EventBus.Outgoing outgoing() {
      String detailType = EventType.ofType(eventType).orElseThrow().eventName();
      return new EventBus.Outgoing(
          id.toString(), source, detailType, eventTime.toInstant(), detail);
    }
  }
}
