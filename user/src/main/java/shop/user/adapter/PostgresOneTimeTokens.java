package shop.user.adapter;

import io.r2dbc.spi.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import shop.platform.postgres.PostgresDatabase;
import shop.user.account.OneTimeTokens;

/** One-time tokens in PostgreSQL, by hash. */
public final class PostgresOneTimeTokens implements OneTimeTokens {
  private static final String INSERT =
      "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)"
          + " VALUES ($1, $2, $3, $4, $5)";

  private final PostgresDatabase db;

  public PostgresOneTimeTokens(PostgresDatabase db) {
    this.db = db;
  }

  /** Stores a token on {@code c}, inside the caller's transaction ({@link PostgresAccountMail}). */
  static Mono<Long> insert(
      Connection c,
      String tokenHash,
      UUID userId,
      Purpose purpose,
      Instant expiresAt,
      Instant now) {
    return PostgresDatabase.updated(c, INSERT, tokenHash, userId, purpose.name(), now, expiresAt);
  }

  @Override
  public Optional<UUID> redeem(String tokenHash, Purpose purpose, Instant now) {
    // One statement: of two racing uses, only the first finds used_at still null.
    return db
        .query(
            "UPDATE account_tokens SET used_at = $3"
                + " WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3"
                + " RETURNING user_id",
            row -> row.get("user_id", UUID.class),
            tokenHash,
            purpose.name(),
            now)
        .stream()
        .findFirst();
  }
}
