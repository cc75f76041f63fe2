package shop.user.adapter;

import static shop.platform.postgres.PostgresDatabase.nullable;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.events.CustomerContactChanged;
import shop.events.EventEnvelope;
import shop.events.UserDeleted;
import shop.events.UserRegistered;
import shop.platform.domain.NotFoundException;
import shop.platform.outbox.OutboxWriter;
import shop.platform.postgres.PostgresDatabase;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.Registration;

/** Accounts and their roles in PostgreSQL. */
public final class PostgresUsers implements Accounts {
  private static final String SELECT =
      "SELECT u.id, u.email, u.password_hash, u.name, u.phone, u.sms_opt_in,"
          + " u.stripe_customer_id, u.created_at, u.email_verified_at,"
          + " coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles"
          + " FROM users u LEFT JOIN user_roles r ON r.user_id = u.id";
  private static final String GROUP = " GROUP BY u.id";

  private final PostgresDatabase db;
  private final OutboxWriter outbox;
  private final Clock clock;

  public PostgresUsers(PostgresDatabase db, OutboxWriter outbox, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public boolean register(Account account, Registration registration) {
    EventEnvelope<UserRegistered> event = event(registration);
    try {
      db.transaction(
          c ->
              PostgresDatabase.updated(
                      c,
                      "INSERT INTO users (id, email, password_hash, name, phone, sms_opt_in,"
                          + " stripe_customer_id, created_at, updated_at, verification_mail_at)"
                          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8)",
                      account.id(),
                      account.email(),
                      account.passwordHash(),
                      account.name(),
                      nullable(account.phone(), String.class),
                      account.smsOptIn(),
                      nullable(account.stripeCustomerId(), String.class),
                      account.createdAt())
                  .thenMany(
                      Flux.fromIterable(account.roles())
                          .concatMap(role -> insertRole(c, account.id(), role)))
                  .then(outbox.append(c, event)));
      return true;
    } catch (RuntimeException e) {
      if (PostgresDatabase.isUniqueViolation(e, "users_email_key")) {
        return false;
      }
      throw e;
    }
  }

  // The domain fact becomes the published contract here, at the edge.
  private static EventEnvelope<UserRegistered> event(Registration r) {
    return EventEnvelope.of(
        new UserRegistered(r.userId().toString(), r.email(), r.name(), r.phone(), r.registeredAt()),
        1,
        r.registeredAt());
  }

  @Override
  public Optional<Account> byId(UUID id) {
    return first(db.query(SELECT + " WHERE u.id = $1" + GROUP, PostgresUsers::account, id));
  }

  @Override
  public Optional<Account> byEmail(String normalisedEmail) {
    return first(
        db.query(SELECT + " WHERE u.email = $1" + GROUP, PostgresUsers::account, normalisedEmail));
  }

  // The contact change is published in the transaction that makes it, numbered by the row's
  // contact_version, so a consumer can tell the newest change from a late one.
  @Override
  public boolean updateProfile(UUID id, String name, String phone, boolean smsOptIn) {
    Instant now = clock.instant();
    return db.transaction(
            c ->
                PostgresDatabase.rows(
                        c,
                        "UPDATE users SET name = $2, phone = $3, sms_opt_in = $4, updated_at = $5,"
                            + " contact_version = contact_version + 1 WHERE id = $1"
                            + " RETURNING email, contact_version",
                        row ->
                            contactChanged(
                                new CustomerContactChanged(
                                    id.toString(),
                                    row.get("email", String.class),
                                    name,
                                    phone,
                                    smsOptIn,
                                    now),
                                row.get("contact_version", Long.class)),
                        id,
                        name,
                        nullable(phone, String.class),
                        smsOptIn,
                        now)
                    .next()
                    .flatMap(event -> outbox.append(c, event).thenReturn(true)))
        .orElse(false);
  }

  private static EventEnvelope<CustomerContactChanged> contactChanged(
      CustomerContactChanged change, long version) {
    return EventEnvelope.of(change, version, change.changedAt());
  }

  @Override
  public String linkStripeCustomer(UUID id, String customerId) {
    db.update(
        "UPDATE users SET stripe_customer_id = $2, updated_at = $3"
            + " WHERE id = $1 AND stripe_customer_id IS NULL",
        id,
        customerId,
        clock.instant());
    return byId(id).map(Account::stripeCustomerId).orElseThrow(() -> NotFoundException.of("user"));
  }

  @Override
  public boolean replacePasswordHash(UUID id, String currentHash, String newHash) {
    return db.update(
            "UPDATE users SET password_hash = $3, updated_at = $4"
                + " WHERE id = $1 AND password_hash = $2",
            id,
            currentHash,
            newHash,
            clock.instant())
        == 1;
  }

  @Override
  public Optional<Instant> claimVerificationMail(UUID id, Instant now, Instant notBefore) {
    long claimed =
        db.update(
            "UPDATE users SET verification_mail_at = $2 WHERE id = $1"
                + " AND (verification_mail_at IS NULL OR verification_mail_at <= $3)",
            id,
            now,
            notBefore);
    if (claimed == 1) {
      return Optional.empty();
    }
    return first(
        db.query(
            "SELECT verification_mail_at FROM users WHERE id = $1",
            row -> row.get("verification_mail_at", Instant.class),
            id));
  }

  @Override
  public void markEmailVerified(UUID id, Instant at) {
    db.update(
        "UPDATE users SET email_verified_at = $2, updated_at = $2"
            + " WHERE id = $1 AND email_verified_at IS NULL",
        id,
        at);
  }

  @Override
  public boolean setPasswordHash(UUID id, String newHash) {
    return db.update(
            "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1",
            id,
            newHash,
            clock.instant())
        == 1;
  }

  @Override
  public boolean grantRole(UUID id, String role) {
    db.update(
        "INSERT INTO user_roles (user_id, role) SELECT id, $2 FROM users WHERE id = $1"
            + " ON CONFLICT DO NOTHING",
        id,
        role);
    return exists(id);
  }

  @Override
  public boolean revokeRole(UUID id, String role) {
    db.update("DELETE FROM user_roles WHERE user_id = $1 AND role = $2", id, role);
    return exists(id);
  }

  // Every table of the account references users ON DELETE CASCADE: one DELETE takes it all. The
  // erasure is the account's last change: its version follows the last contact change's, so a
  // consumer that keeps the highest version never lets a late change bring the contact back.
  @Override
  public boolean erase(UUID id, Instant at) {
    UserDeleted erased = new UserDeleted(id.toString(), at);
    return db.transaction(
            c ->
                PostgresDatabase.rows(
                        c,
                        "DELETE FROM users WHERE id = $1 RETURNING contact_version",
                        row -> row.get("contact_version", Long.class),
                        id)
                    .next()
                    .flatMap(
                        version ->
                            outbox
                                .append(c, EventEnvelope.of(erased, version + 1, at))
                                .thenReturn(true)))
        .orElse(false);
  }

  private boolean exists(UUID id) {
    return !db.query("SELECT 1 FROM users WHERE id = $1", row -> true, id).isEmpty();
  }

  private static Mono<Long> insertRole(Connection c, UUID id, String role) {
    return PostgresDatabase.updated(
        c,
        "INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        id,
        role);
  }

  private static Account account(Readable row) {
    String[] roles = row.get("roles", String[].class);
    Set<String> roleSet = new HashSet<>(List.of(roles == null ? new String[0] : roles));
    return new Account(
        row.get("id", UUID.class),
        row.get("email", String.class),
        row.get("password_hash", String.class),
        row.get("name", String.class),
        row.get("phone", String.class),
        Boolean.TRUE.equals(row.get("sms_opt_in", Boolean.class)),
        roleSet,
        row.get("stripe_customer_id", String.class),
        row.get("created_at", Instant.class),
        row.get("email_verified_at", Instant.class));
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.stream().findFirst();
  }
}
