package shop.platform.outbox;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import shop.platform.postgres.PostgresDatabase;

/**
 * The outbox table {@code event_outbox} (migration {@code db/platform}) of a PostgreSQL service.
 * Entries are claimed with {@code FOR UPDATE SKIP LOCKED} in one short statement that also pushes
 * their due time ahead as a lease, so no lock or connection is held while the bus answers. All
 * times are the database's, so relays on different machines share one clock.
 */
public final class PostgresOutboxStore implements OutboxStore {
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
        (o.payload->>'time')::timestamptz AS event_time, o.attempts, o.trace_header
      """;
  private static final String CLAIM_DUE = CLAIM.formatted("");
  private static final String CLAIM_IDS = CLAIM.formatted("AND id = ANY($3::uuid[])");
  private static final String MARK_SENT =
      "UPDATE event_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1,"
          + " last_error = NULL WHERE id = ANY($1::uuid[]) AND status = 'PENDING'";
  private static final String RETRY_LATER =
      "UPDATE event_outbox SET attempts = attempts + 1, last_error = $2,"
          + " next_attempt_at = now() + make_interval(secs => $3)"
          + " WHERE id = $1 AND status = 'PENDING'";
  private static final String PARK =
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
  private static final String BACKLOG =
      "SELECT count(*) AS pending, min(created_at) AS oldest, min(source) AS source"
          + " FROM event_outbox WHERE status = 'PENDING'";
  private static final String PARKED =
      "SELECT id, event_type, subject, attempts, last_error, created_at FROM event_outbox"
          + " WHERE status = 'PARKED' ORDER BY created_at, id LIMIT $1";
  private static final String UNPARK =
      "UPDATE event_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now()"
          + " WHERE status = 'PARKED'";

  private final PostgresDatabase database;

  public PostgresOutboxStore(PostgresDatabase database) {
    this.database = database;
  }

  @Override
  public List<OutboxEntry> claim(Collection<String> ids, Duration lease) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
    List<OutboxEntry> claimed =
        database.query(
            CLAIM_IDS, PostgresOutboxStore::entry, ids.size(), seconds(lease), array(uuids));
    // In the order asked for, as the fast path hands them.
    return uuids.stream()
        .map(UUID::toString)
        .flatMap(id -> claimed.stream().filter(e -> e.id().equals(id)))
        .toList();
  }

  @Override
  public List<OutboxEntry> claimDue(int max, Duration lease) {
    return database.query(CLAIM_DUE, PostgresOutboxStore::entry, max, seconds(lease));
  }

  @Override
  public void markSent(Collection<String> ids) {
    database.update(MARK_SENT, (Object) array(ids.stream().map(UUID::fromString).toList()));
  }

  @Override
  public void retryLater(String id, String error, Duration delay) {
    database.update(RETRY_LATER, UUID.fromString(id), error, seconds(delay));
  }

  @Override
  public void park(String id, String error) {
    database.update(PARK, UUID.fromString(id), error);
  }

  @Override
  public long deleteSent(Duration age, int max) {
    return database.update(DELETE_SENT, seconds(age), max);
  }

  @Override
  public OutboxBacklog backlog() {
    return database
        .query(
            BACKLOG,
            row -> {
              OffsetDateTime oldest = row.get("oldest", OffsetDateTime.class);
              return new OutboxBacklog(
                  row.get("pending", Long.class),
                  oldest == null ? null : oldest.toInstant(),
                  row.get("source", String.class));
            })
        .stream()
        .findFirst()
        .orElse(OutboxBacklog.EMPTY);
  }

  @Override
  public List<ParkedEntry> parked(int max) {
    return database.query(
        PARKED,
        row ->
            new ParkedEntry(
                row.get("id", UUID.class).toString(),
                row.get("event_type", String.class),
                row.get("subject", String.class),
                row.get("attempts", Integer.class),
                row.get("last_error", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant()),
        max);
  }

  @Override
  public boolean retry(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return database.update(UNPARK + " AND id = $1", uuid) > 0;
  }

  @Override
  public long retryAllParked() {
    return database.update(UNPARK);
  }

  private static OutboxEntry entry(Readable row) {
    OffsetDateTime time = row.get("event_time", OffsetDateTime.class);
    return new OutboxEntry(
        row.get("id", UUID.class).toString(),
        row.get("event_type", String.class),
        row.get("source", String.class),
        time == null ? null : time.toInstant(),
        row.get("detail", String.class),
        row.get("attempts", Integer.class),
        row.get("trace_header", String.class));
  }

  private static String[] array(List<UUID> ids) {
    return ids.stream().map(UUID::toString).toArray(String[]::new);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
