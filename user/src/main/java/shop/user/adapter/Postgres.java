package shop.user.adapter;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service's PostgreSQL database over R2DBC: a small pool (a Lambda instance serves one request
 * at a time) and helpers that run a unit of work in a transaction and wait for it. The domain's
 * ports are synchronous, so the adapters block here, on the Lambda's own thread.
 */
public final class Postgres implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ConnectionPool pool;

  public Postgres(ConnectionPool pool) {
    this.pool = pool;
  }

  /**
   * A pool for {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database}), the same URL the
   * migrations use. Connections are opened on first use, not here.
   */
  public static Postgres connect(String jdbcUrl, String user, String password, int maxSize) {
    URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
    if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "DATABASE_URL must look like jdbc:postgresql://host:5432/database");
    }
    PostgresqlConnectionConfiguration.Builder config =
        PostgresqlConnectionConfiguration.builder()
            .host(uri.getHost())
            .port(uri.getPort() < 0 ? 5432 : uri.getPort())
            .database(uri.getPath().replaceFirst("^/", ""))
            .username(user)
            .password(password)
            .connectTimeout(Duration.ofSeconds(5));
    ConnectionPool pool =
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(config.build()))
                .initialSize(0)
                .maxSize(maxSize)
                .maxIdleTime(Duration.ofMinutes(5))
                .build());
    return new Postgres(pool);
  }

  /**
   * Runs {@code work} in one transaction: committed when it completes, rolled back when it fails.
   */
  public <T> Optional<T> transaction(Function<Connection, Mono<T>> work) {
    return Mono.usingWhen(
            pool.create(),
            c ->
                Mono.from(c.beginTransaction())
                    .then(Mono.defer(() -> work.apply(c)))
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(result -> Mono.from(c.commitTransaction()).thenReturn(result))
                    .onErrorResume(
                        e ->
                            Mono.from(c.rollbackTransaction())
                                .onErrorResume(r -> Mono.empty())
                                .then(Mono.error(e))),
            Connection::close)
        .block(TIMEOUT);
  }

  /** Runs {@code work} on one connection in auto-commit mode (single statements, reads). */
  public <T> Optional<T> run(Function<Connection, Mono<T>> work) {
    return Mono.usingWhen(
            pool.create(),
            c -> Mono.defer(() -> work.apply(c)).map(Optional::of).defaultIfEmpty(Optional.empty()),
            Connection::close)
        .block(TIMEOUT);
  }

  /** The rows of {@code sql} bound to {@code args}, each mapped by {@code mapper}. */
  public <T> List<T> query(String sql, Function<Readable, T> mapper, Object... args) {
    return run(c -> rows(c, sql, mapper, args).collectList()).orElse(List.of());
  }

  /** The rows updated by {@code sql}, in auto-commit mode. */
  public long update(String sql, Object... args) {
    return run(c -> updated(c, sql, args)).orElse(0L);
  }

  static <T> Flux<T> rows(Connection c, String sql, Function<Readable, T> mapper, Object... args) {
    return Flux.from(bind(c.createStatement(sql), args).execute())
        .flatMap(result -> result.map(mapper::apply));
  }

  static Mono<Long> updated(Connection c, String sql, Object... args) {
    return Flux.from(bind(c.createStatement(sql), args).execute())
        .flatMap(result -> result.getRowsUpdated())
        .reduce(0L, Long::sum);
  }

  /** Binds {@code $1..$n}; a null needs its type, given as a {@link Null}. */
  static Statement bind(Statement statement, Object... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Null n) {
        statement.bindNull(i, n.type());
      } else {
        statement.bind(i, args[i]);
      }
    }
    return statement;
  }

  /** A typed SQL NULL argument. */
  record Null(Class<?> type) {}

  /** {@code value}, or a typed NULL when it is null. */
  static Object nullable(Object value, Class<?> type) {
    return value == null ? new Null(type) : value;
  }

  /** Whether {@code error} is a unique violation of {@code constraint}. */
  static boolean isUniqueViolation(Throwable error, String constraint) {
    if (error instanceof PostgresqlException pg) {
      ErrorDetails details = pg.getErrorDetails();
      return "23505".equals(details.getCode())
          && details.getConstraintName().map(constraint::equals).orElse(false);
    }
    return false;
  }

  /** The pool as an R2DBC connection factory, for the platform's outbox relay. */
  public io.r2dbc.spi.ConnectionFactory connections() {
    return pool;
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
