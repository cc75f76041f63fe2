package shop.user.adapter;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import shop.platform.domain.ConflictException;
import shop.platform.postgres.PostgresDatabase;
import shop.user.payment.Card;
import shop.user.payment.PaymentMethod;
import shop.user.payment.PaymentMethods;

/** Saved cards (brand, last four digits, expiry and the Stripe id; nothing else) in PostgreSQL. */
public final class PostgresPaymentMethods implements PaymentMethods {
  private static final String SELECT =
      "SELECT id, user_id, brand, last4, exp_month, exp_year, is_default, created_at"
          + " FROM payment_methods";

  private final PostgresDatabase db;

  public PostgresPaymentMethods(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public List<PaymentMethod> list(UUID userId) {
    return db.query(
        SELECT + " WHERE user_id = $1 ORDER BY is_default DESC, created_at, id",
        PostgresPaymentMethods::method,
        userId);
  }

  @Override
  public Optional<PaymentMethod> find(UUID userId, String id) {
    return db
        .query(
            SELECT + " WHERE user_id = $1 AND id = $2", PostgresPaymentMethods::method, userId, id)
        .stream()
        .findFirst();
  }

  @Override
  public PaymentMethod add(UUID userId, String id, Card card, Instant now) {
    db.transaction(
        c ->
            PostgresDatabase.rows(
                    c,
                    "SELECT 1 FROM payment_methods WHERE user_id = $1 AND is_default FOR UPDATE",
                    row -> true,
                    userId)
                .hasElements()
                .flatMap(hasDefault -> insert(c, userId, id, card, !hasDefault, now)));
    return find(userId, id)
        .orElseThrow(
            () -> new ConflictException("this payment method is saved by another account"));
  }

  private static Mono<Long> insert(
      Connection c, UUID userId, String id, Card card, boolean isDefault, Instant now) {
    return PostgresDatabase.updated(
        c,
        "INSERT INTO payment_methods"
            + " (id, user_id, brand, last4, exp_month, exp_year, is_default, created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
        id,
        userId,
        card.brand(),
        card.last4(),
        (short) card.expMonth(),
        (short) card.expYear(),
        isDefault,
        now);
  }

  @Override
  public boolean delete(UUID userId, String id) {
    return db.update("DELETE FROM payment_methods WHERE user_id = $1 AND id = $2", userId, id) == 1;
  }

  @Override
  public boolean makeDefault(UUID userId, String id) {
    return db.transaction(
            c ->
                PostgresDatabase.rows(
                        c,
                        "SELECT 1 FROM payment_methods WHERE user_id = $1 AND id = $2 FOR UPDATE",
                        row -> true,
                        userId,
                        id)
                    .hasElements()
                    .flatMap(
                        exists ->
                            exists
                                ? PostgresDatabase.updated(
                                        c,
                                        "UPDATE payment_methods SET is_default = false"
                                            + " WHERE user_id = $1 AND is_default",
                                        userId)
                                    .then(
                                        PostgresDatabase.updated(
                                            c,
                                            "UPDATE payment_methods SET is_default = true"
                                                + " WHERE user_id = $1 AND id = $2",
                                            userId,
                                            id))
                                    .thenReturn(true)
                                : Mono.just(false)))
        .orElse(false);
  }

  private static PaymentMethod method(Readable row) {
    return new PaymentMethod(
        row.get("id", String.class),
        row.get("user_id", UUID.class),
        new Card(
            row.get("brand", String.class),
            row.get("last4", String.class),
            row.get("exp_month", Short.class),
            row.get("exp_year", Short.class)),
        Boolean.TRUE.equals(row.get("is_default", Boolean.class)),
        row.get("created_at", Instant.class));
  }
}
