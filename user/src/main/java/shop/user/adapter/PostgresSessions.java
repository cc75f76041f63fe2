package shop.user.adapter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import shop.platform.postgres.PostgresDatabase;
import shop.user.auth.LoginFailures;
import shop.user.auth.RefreshTokens;

/** Refresh token families and failed login attempts in PostgreSQL. */
public final class PostgresSessions implements RefreshTokens, LoginFailures {
  private final PostgresDatabase db;

  public PostgresSessions(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public void startFamily(
      UUID familyId, UUID userId, String tokenHash, Instant expiresAt, Instant now) {
    db.transaction(
        c ->
            PostgresDatabase.updated(
                    c,
                    "INSERT INTO refresh_families (id, user_id, created_at) VALUES ($1, $2, $3)",
                    familyId,
                    userId,
                    now)
                .then(
                    PostgresDatabase.updated(
                        c,
                        "INSERT INTO refresh_tokens"
                            + " (token_hash, family_id, user_id, created_at, expires_at)"
                            + " VALUES ($1, $2, $3, $4, $5)",
                        tokenHash,
                        familyId,
                        userId,
                        now,
                        expiresAt)));
  }

  @Override
  public Optional<Stored> find(String tokenHash) {
    return db
        .query(
            "SELECT t.family_id, t.user_id, t.expires_at, t.used_at,"
                + " f.revoked_at IS NOT NULL AS revoked"
                + " FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id"
                + " WHERE t.token_hash = $1",
            row ->
                new Stored(
                    row.get("family_id", UUID.class),
                    row.get("user_id", UUID.class),
                    row.get("expires_at", Instant.class),
                    row.get("used_at", Instant.class),
                    Boolean.TRUE.equals(row.get("revoked", Boolean.class))),
            tokenHash)
        .stream()
        .findFirst();
  }

  @Override
  public boolean markUsed(String tokenHash, Instant now) {
    return db.update(
            "UPDATE refresh_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
            tokenHash,
            now)
        == 1;
  }

  @Override
  public boolean addToFamily(
      UUID familyId, UUID userId, String tokenHash, Instant expiresAt, Instant now) {
    // Inserted only while the family is not revoked, in one statement: a revocation racing this
    // refresh wins.
    return db.update(
            "INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at)"
                + " SELECT $1, id, $3, $4, $5 FROM refresh_families"
                + " WHERE id = $2 AND revoked_at IS NULL",
            tokenHash,
            familyId,
            userId,
            now,
            expiresAt)
        == 1;
  }

  @Override
  public void revokeFamily(UUID familyId, Instant now) {
    db.update(
        "UPDATE refresh_families SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
        familyId,
        now);
  }

  @Override
  public List<Instant> since(UUID userId, Instant since) {
    return db.query(
        "SELECT failed_at FROM login_failures WHERE user_id = $1 AND failed_at > $2"
            + " ORDER BY failed_at",
        row -> row.get("failed_at", Instant.class),
        userId,
        since);
  }

  @Override
  public void record(UUID userId, Instant at) {
    // Old failures no longer count: drop them while adding the new one.
    db.transaction(
        c ->
            PostgresDatabase.updated(
                    c,
                    "DELETE FROM login_failures WHERE user_id = $1 AND failed_at < $2",
                    userId,
                    at.minus(shop.user.auth.Lockout.WINDOW))
                .then(
                    PostgresDatabase.updated(
                        c,
                        "INSERT INTO login_failures (user_id, failed_at) VALUES ($1, $2)",
                        userId,
                        at))
                .then(Mono.empty()));
  }

  @Override
  public void clear(UUID userId) {
    db.update("DELETE FROM login_failures WHERE user_id = $1", userId);
  }
}
