package shop.transaction.adapter;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import reactor.core.publisher.Mono;
import shop.platform.config.Config;

/**
 * The service's PostgreSQL: an R2DBC connection pool for requests, and Flyway over JDBC for
 * migrations only. Config (as the local cloud and the deploy hand them out): {@code DB_R2DBC_URL}
 * ({@code r2dbc:postgresql://host:port/db}), {@code DB_JDBC_URL} (migrations only), {@code
 * DB_USER}, {@code DB_PASSWORD} (optional: trust or IAM authentication), {@code DB_POOL_SIZE} (5;
 * one Lambda serves one request at a time, but the local cloud shares the pool between concurrent
 * requests).
 */
public final class PostgresDatabase {
  /** Our migrations, then platform's outbox and inbox tables. */
  public static final String[] MIGRATIONS = {"classpath:db/transaction", "classpath:db/platform"};

  static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

  private final ConnectionFactory connections;

  public PostgresDatabase(ConnectionFactory connections) {
    this.connections = connections;
  }

  /** A pool for {@code config}'s database; connections are opened lazily, not at cold start. */
  public static PostgresDatabase pooled(Config config) {
    ConnectionFactoryOptions.Builder options =
        ConnectionFactoryOptions.parse(config.require("DB_R2DBC_URL"))
            .mutate()
            .option(ConnectionFactoryOptions.USER, config.require("DB_USER"))
            .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(5));
    config
        .optional("DB_PASSWORD")
        .ifPresent(password -> options.option(ConnectionFactoryOptions.PASSWORD, password));
    ConnectionFactory factory = ConnectionFactories.get(options.build());
    return new PostgresDatabase(
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(factory)
                .initialSize(0)
                .maxSize(config.getInt("DB_POOL_SIZE", 5))
                .maxIdleTime(Duration.ofMinutes(5))
                .maxAcquireTime(Duration.ofSeconds(5))
                .build()));
  }

  /** Applies the migrations to {@code config}'s database over JDBC; returns how many ran. */
  public static int migrate(Config config) {
    return Flyway.configure()
        .dataSource(
            config.require("DB_JDBC_URL"),
            config.require("DB_USER"),
            config.optional("DB_PASSWORD").orElse(null))
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
