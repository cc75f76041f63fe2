package shop.user.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import shop.platform.postgres.PostgresDatabase;
import shop.user.auth.Lockout;
import shop.user.auth.LoginAttempts;
import shop.user.auth.RefreshTokens;

/** Refresh token families and failed login attempts in PostgreSQL. */
public final class PostgresSessions implements RefreshTokens, LoginAttempts {
  // The Lockout rule in one statement: the row lock of the upsert serialises concurrent attempts
  // on one account, and an attempt on a locked account (WHERE false) changes and returns nothing.
  private static final String CLAIM =
      "INSERT INTO login_attempts AS a (user_id, failures, last_failed_at) VALUES ($1, 1, $2)"
          + " ON CONFLICT (user_id) DO UPDATE SET"
          + " failures = CASE WHEN a.last_failed_at + make_interval(secs => $6::float8) > $2"
          + " THEN a.failures + 1 ELSE 1 END,"
          + " last_failed_at = $2"
          + " WHERE a.failures < $3::int"
          + " OR a.last_failed_at + make_interval(secs =>"
          + " least($4::float8 * power(2, least(a.failures - $3::int, 30)), $5::float8)) <= $2"
          + " RETURNING failures";

  private final PostgresDatabase db;
  private final Lockout lockout;

  public PostgresSessions(PostgresDatabase db, Lockout lockout) {
    this.db = db;
    this.lockout = lockout;
  }

  @Override
  public void startFamily(
      UUID familyId,
      UUID userId,
      Set<String> amr,
      String tokenHash,
      Instant familyExpiresAt,
      Instant tokenExpiresAt,
      Instant now) {
    db.transaction(
        c ->
            PostgresDatabase.updated(
                    c,
                    "INSERT INTO refresh_families (id, user_id, created_at, expires_at, amr)"
                        + " VALUES ($1, $2, $3, $4, $5)",
                    familyId,
                    userId,
                    now,
                    familyExpiresAt,
                    String.join(",", amr.stream().sorted().toList()))
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
                        tokenExpiresAt)));
  }

  @Override
  public Optional<Stored> find(String tokenHash) {
    return db
        .query(
            "SELECT t.family_id, t.user_id, t.expires_at, t.used_at,"
                + " f.revoked_at IS NOT NULL AS revoked, f.expires_at AS family_expires_at, f.amr"
                + " FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id"
                + " WHERE t.token_hash = $1",
            row ->
                new Stored(
                    row.get("family_id", UUID.class),
                    row.get("user_id", UUID.class),
                    row.get("expires_at", Instant.class),
                    row.get("used_at", Instant.class),
                    Boolean.TRUE.equals(row.get("revoked", Boolean.class)),
                    row.get("family_expires_at", Instant.class),
                    Set.of(row.get("amr", String.class).split(","))),
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
  public void endAll(UUID userId, Instant now) {
    db.update(
        "UPDATE refresh_families SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
        userId,
        now);
  }

  @Override
  public OptionalInt claim(UUID userId, Instant now) {
    return db
        .query(
            CLAIM,
            row -> row.get("failures", Integer.class),
            userId,
            now,
            lockout.maxFailures(),
            seconds(lockout.firstLock()),
            seconds(lockout.longestLock()),
            seconds(lockout.forgetAfter()))
        .stream()
        .mapToInt(Integer::intValue)
        .findFirst();
  }

  @Override
  public void succeeded(UUID userId) {
    db.update("DELETE FROM login_attempts WHERE user_id = $1", userId);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
