package shop.platform.idempotency;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

/**
 * The inbox of consumers that write to PostgreSQL: recording the event in the same transaction as
 * its effect makes the effect happen once, with no separate ledger (table {@code event_inbox} from
 * the platform migrations).
 */
public final class PostgresInbox {
  private static final String INSERT =
      "INSERT INTO event_inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";

  /**
   * Records that {@code consumer} handles {@code eventId}, on {@code connection} inside the
   * caller's transaction. Emits true the first time and false when the event was handled before:
   * then the caller skips the effect and commits (or rolls back) nothing new. If the transaction
   * rolls back, so does the mark, and a retry handles the event again.
   */
  public Mono<Boolean> markHandled(Connection connection, String consumer, String eventId) {
    return Mono.from(
            connection.createStatement(INSERT).bind(0, consumer).bind(1, eventId).execute())
        .flatMap(result -> Mono.from(result.getRowsUpdated()))
        .map(rows -> rows == 1L);
  }
}
