package shop.transaction.adapter;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import reactor.core.publisher.Mono;
import shop.platform.config.Config;

/**
 * The service's PostgreSQL: an R2DBC connection pool for requests, and Flyway over JDBC for
 * migrations only. Config: {@code DB_HOST}, {@code DB_PORT} (5432), {@code DB_NAME}, {@code
 * DB_USER}, {@code DB_PASSWORD} (optional: trust or IAM authentication), {@code DB_POOL_SIZE} (5;
 * one Lambda serves one request at a time, but the local cloud shares the pool between concurrent
 * requests).
 */
public final class PostgresDatabase {
  /** Our migrations, then platform's outbox and inbox tables. */
  public static final String[] MIGRATIONS = {"classpath:db/migration", "classpath:db/platform"};

  static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

  private final ConnectionFactory connections;

  public PostgresDatabase(ConnectionFactory connections) {
    this.connections = connections;
  }

  /** A pool for {@code config}'s database; connections are opened lazily, not at cold start. */
  public static PostgresDatabase pooled(Config config) {
    PostgresqlConnectionConfiguration.Builder connection =
        PostgresqlConnectionConfiguration.builder()
            .host(config.require("DB_HOST"))
            .port(config.getInt("DB_PORT", 5432))
            .database(config.require("DB_NAME"))
            .username(config.require("DB_USER"))
            .connectTimeout(Duration.ofSeconds(5));
    config.optional("DB_PASSWORD").ifPresent(connection::password);
    PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(connection.build());
    int size = config.getInt("DB_POOL_SIZE", 5);
    return new PostgresDatabase(
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(factory)
                .initialSize(0)
                .maxSize(size)
                .maxIdleTime(Duration.ofMinutes(5))
                .maxAcquireTime(Duration.ofSeconds(5))
                .build()));
  }

  /** Applies the migrations to {@code config}'s database over JDBC; returns how many ran. */
  public static int migrate(Config config) {
    String url =
        "jdbc:postgresql://"
            + config.require("DB_HOST")
            + ":"
            + config.getInt("DB_PORT", 5432)
            + "/"
            + config.require("DB_NAME");
    return Flyway.configure()
        .dataSource(url, config.require("DB_USER"), config.optional("DB_PASSWORD").orElse(null))
        .locations(MIGRATIONS)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  public ConnectionFactory connections() {
    return connections;
  }

  /**
   * Runs {@code work} in one transaction and waits for it: commits when it succeeds, rolls back and
   * rethrows when it fails.
   */
  public <T> T inTransaction(Function<Connection, Mono<T>> work) {
    return Mono.usingWhen(
            Mono.from(connections.create()),
            connection ->
                Mono.from(connection.beginTransaction())
                    .then(Mono.defer(() -> work.apply(connection)))
                    .flatMap(result -> Mono.from(connection.commitTransaction()).thenReturn(result))
                    .onErrorResume(
                        error ->
                            Mono.from(connection.rollbackTransaction()).then(Mono.error(error))),
            Connection::close)
        .block(STATEMENT_TIMEOUT);
  }

  /** Runs a read outside an explicit transaction and waits for it. */
  public <T> T read(Function<Connection, Mono<T>> work) {
    return Mono.usingWhen(
            Mono.from(connections.create()),
            connection -> Mono.defer(() -> work.apply(connection)),
            Connection::close)
        .block(STATEMENT_TIMEOUT);
  }
}
