package shop.user.adapter;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import shop.platform.postgres.PostgresDatabase;
import shop.user.account.TotpFactors;

/**
 * TOTP factors in PostgreSQL ({@code totp_factors}); the secret is stored sealed ({@link
 * AesGcmSecretBox}, bound to its user id), so a copy of the table or a backup does not give away
 * anyone's second factor.
 */
public final class PostgresTotpFactors implements TotpFactors {
  private final PostgresDatabase db;
  private final AesGcmSecretBox box;

  public PostgresTotpFactors(PostgresDatabase db, AesGcmSecretBox box) {
    this.db = db;
    this.box = box;
  }

  @Override
  public boolean enrol(UUID userId, String secret, Instant now) {
    // An active factor is left alone (WHERE), in the same statement that replaces a pending one.
    return db.update(
            "INSERT INTO totp_factors AS f (user_id, secret, created_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (user_id) DO UPDATE SET secret = $2, created_at = $3,"
                + " last_used_step = NULL WHERE f.activated_at IS NULL",
            userId,
            box.seal(secret, userId.toString()),
            now)
        == 1;
  }

  @Override
  public Optional<Factor> find(UUID userId) {
    return db
        .query(
            "SELECT secret, activated_at IS NOT NULL AS active, last_used_step"
                + " FROM totp_factors WHERE user_id = $1",
            row ->
                new Factor(
                    box.open(row.get("secret", String.class), userId.toString()),
                    Boolean.TRUE.equals(row.get("active", Boolean.class)),
                    row.get("last_used_step", Long.class)),
            userId)
        .stream()
        .findFirst();
  }

  @Override
  public boolean activate(UUID userId, long step, Instant now) {
    return db.update(
            "UPDATE totp_factors SET activated_at = $3, last_used_step = $2"
                + " WHERE user_id = $1 AND activated_at IS NULL"
                + " AND (last_used_step IS NULL OR last_used_step < $2)",
            userId,
            step,
            now)
        == 1;
  }

  @Override
  public boolean use(UUID userId, long step) {
    // Compare-and-set in one statement: of two logins with the same code, one updates the row.
    return db.update(
            "UPDATE totp_factors SET last_used_step = $2 WHERE user_id = $1"
                + " AND activated_at IS NOT NULL"
                + " AND (last_used_step IS NULL OR last_used_step < $2)",
            userId,
            step)
        == 1;
  }

  @Override
  public void replaceActive(UUID userId, String secret, Instant now) {
    db.update(
        "INSERT INTO totp_factors (user_id, secret, created_at, activated_at)"
            + " VALUES ($1, $2, $3, $3) ON CONFLICT (user_id) DO UPDATE SET secret = $2,"
            + " created_at = $3, activated_at = $3, last_used_step = NULL",
        userId,
        box.seal(secret, userId.toString()),
        now);
  }
}
