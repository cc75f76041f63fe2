package shop.user.adapter;

import static shop.platform.postgres.PostgresDatabase.nullable;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import shop.platform.postgres.PostgresDatabase;
import shop.user.address.Address;
import shop.user.address.AddressDetails;
import shop.user.address.Addresses;

/** Saved addresses in PostgreSQL; every statement is scoped by the owner's id. */
public final class PostgresAddresses implements Addresses {
  private static final String SELECT =
      "SELECT id, user_id, recipient, line1, line2, city, region, postal_code, country, phone,"
          + " is_default, created_at FROM addresses";

  private final PostgresDatabase db;

  public PostgresAddresses(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public List<Address> list(UUID userId) {
    return db.query(
        SELECT + " WHERE user_id = $1 ORDER BY is_default DESC, created_at, id",
        PostgresAddresses::address,
        userId);
  }

  @Override
  public Optional<Address> find(UUID userId, UUID addressId) {
    return db
        .query(
            SELECT + " WHERE user_id = $1 AND id = $2",
            PostgresAddresses::address,
            userId,
            addressId)
        .stream()
        .findFirst();
  }

  @Override
  public int count(UUID userId) {
    return db.query(
            "SELECT count(*) AS n FROM addresses WHERE user_id = $1",
            row -> row.get("n", Long.class),
            userId)
        .get(0)
        .intValue();
  }

  @Override
  public void add(Address a) {
    AddressDetails d = a.details();
    db.transaction(
        c ->
            (a.isDefault() ? clearDefault(c, a.userId()) : Mono.just(0L))
                .then(
                    PostgresDatabase.updated(
                        c,
                        "INSERT INTO addresses (id, user_id, recipient, line1, line2, city,"
                            + " region, postal_code, country, phone, is_default, created_at)"
                            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                        a.id(),
                        a.userId(),
                        d.recipient(),
                        d.line1(),
                        nullable(d.line2(), String.class),
                        d.city(),
                        nullable(d.region(), String.class),
                        d.postalCode(),
                        d.country(),
                        nullable(d.phone(), String.class),
                        a.isDefault(),
                        a.createdAt())));
  }

  @Override
  public boolean replace(UUID userId, UUID addressId, AddressDetails d) {
    return db.update(
            "UPDATE addresses SET recipient = $3, line1 = $4, line2 = $5, city = $6, region = $7,"
                + " postal_code = $8, country = $9, phone = $10"
                + " WHERE user_id = $1 AND id = $2",
            userId,
            addressId,
            d.recipient(),
            d.line1(),
            nullable(d.line2(), String.class),
            d.city(),
            nullable(d.region(), String.class),
            d.postalCode(),
            d.country(),
            nullable(d.phone(), String.class))
        == 1;
  }

  @Override
  public boolean delete(UUID userId, UUID addressId) {
    return db.update("DELETE FROM addresses WHERE user_id = $1 AND id = $2", userId, addressId)
        == 1;
  }

  @Override
  public boolean makeDefault(UUID userId, UUID addressId) {
    return db.transaction(
            c ->
                PostgresDatabase.rows(
                        c,
                        "SELECT id FROM addresses WHERE user_id = $1 AND id = $2 FOR UPDATE",
                        row -> true,
                        userId,
                        addressId)
                    .hasElements()
                    .flatMap(
                        exists ->
                            exists
                                ? clearDefault(c, userId)
                                    .then(
                                        PostgresDatabase.updated(
                                            c,
                                            "UPDATE addresses SET is_default = true"
                                                + " WHERE user_id = $1 AND id = $2",
                                            userId,
                                            addressId))
                                    .thenReturn(true)
                                : Mono.just(false)))
        .orElse(false);
  }

  private static Mono<Long> clearDefault(io.r2dbc.spi.Connection c, UUID userId) {
    return PostgresDatabase.updated(
        c, "UPDATE addresses SET is_default = false WHERE user_id = $1 AND is_default", userId);
  }

  private static Address address(Readable row) {
    return new Address(
        row.get("id", UUID.class),
        row.get("user_id", UUID.class),
        new AddressDetails(
            row.get("recipient", String.class),
            row.get("line1", String.class),
            row.get("line2", String.class),
            row.get("city", String.class),
            row.get("region", String.class),
            row.get("postal_code", String.class),
            row.get("country", String.class),
            row.get("phone", String.class)),
        Boolean.TRUE.equals(row.get("is_default", Boolean.class)),
        row.get("created_at", Instant.class));
  }
}
