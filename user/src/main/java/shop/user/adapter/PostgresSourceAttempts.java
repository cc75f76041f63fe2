package shop.user.adapter;

import java.time.Instant;
import shop.platform.postgres.PostgresDatabase;
import shop.user.auth.SourceAttempts;

/**
 * Attempts per source address in PostgreSQL: one row per address, holding its current window, so
 * every Lambda instance counts against the same number.
 */
public final class PostgresSourceAttempts implements SourceAttempts {
  private final PostgresDatabase db;

  public PostgresSourceAttempts(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public int count(String source, Instant windowStart) {
    return db.query(
            "INSERT INTO source_attempts AS s (source, window_start, attempts) VALUES ($1, $2, 1)"
                + " ON CONFLICT (source) DO UPDATE SET"
                + " attempts = CASE WHEN s.window_start = $2 THEN s.attempts + 1 ELSE 1 END,"
                + " window_start = $2"
                + " RETURNING attempts",
            row -> row.get("attempts", Integer.class),
            source,
            windowStart)
        .getFirst();
  }

  @Override
  public int forgetBefore(Instant windowStart) {
    return (int) db.update("DELETE FROM source_attempts WHERE window_start < $1", windowStart);
  }
}
