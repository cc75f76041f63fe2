package shop.platform.postgres;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.platform.config.Config;
import shop.platform.config.SecretCache;
import shop.platform.config.SecretReferences;
import shop.platform.observability.Traces;
import shop.platform.snapstart.StoreConnection;

/**
 * A service's PostgreSQL database: an R2DBC pool for its requests and consumers, Flyway for its
 * migrations, and the small helpers its adapters share. The domain's ports are synchronous, so the
 * helpers run a unit of work and wait for it, on the caller's thread, bounded by a timeout.
 *
 * <p>One set of settings for every PostgreSQL service, in the cloud and locally:
 *
 * <ul>
 *   <li>{@code DATABASE_URL} (required): {@code jdbc:postgresql://host:5432/database}, the same URL
 *       for the pool and the migrations; its {@code sslmode} parameter applies to both
 *   <li>{@code DATABASE_USER} (required), {@code DATABASE_PASSWORD} (optional: trust or IAM
 *       authentication)
 *   <li>{@code DATABASE_POOL_SIZE} (optional, default 5): a Lambda instance serves one request at a
 *       time, but a batch of SQS messages is handled concurrently
 * </ul>
 *
 * <p>The pool is a {@link StoreConnection}: SnapStart's priming may use it, and it is closed before
 * the snapshot and opened again, with the password read again, by the first query after a restore.
 */
public final class PostgresDatabase implements AutoCloseable {
  /** The default pool size: a batch of ten messages shares it. */
  public static final int DEFAULT_POOL_SIZE = 5;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Class<?> AFTER_COMMIT = AfterCommit.class;
  private static final String TRACE_HEADER = "shop.traceHeader";

  private final ConnectionFactory connections;
  private final Supplier<? extends ConnectionFactory> current;
  private final AutoCloseable pool;

  public PostgresDatabase(ConnectionFactory connections) {
    this(
        connections,
        () -> connections,
        () -> {
          if (connections instanceof ConnectionPool pool) {
            pool.dispose();
          }
        });
  }

  private PostgresDatabase(
      ConnectionFactory connections,
      Supplier<? extends ConnectionFactory> current,
      AutoCloseable pool) {
    this.connections = connections;
    this.current = current;
    this.pool = pool;
  }

  /**
   * A pool for {@code given}'s database; connections are opened on first use, not here. A secret
   * reference in {@code given} ({@code DATABASE_PASSWORD}: see {@link SecretReferences}) is read
   * each time the pool opens: at the first query, and again at the first one after a restore.
   */
  public static PostgresDatabase pooled(Config given) {
    return pooled(given, SecretReferences::resolve);
  }

  /**
   * As {@link #pooled(Config)}, reading secret references through {@code secrets}: the function's
   * cache, which forgets them at a restore.
   */
  public static PostgresDatabase pooled(Config given, SecretCache secrets) {
    return pooled(given, secrets::resolve);
  }

  private static PostgresDatabase pooled(Config given, UnaryOperator<Config> resolve) {
    uri(given);
    StoreConnection<ConnectionPool> pool =
        StoreConnection.of(
            "PostgreSQL pool", () -> pool(resolve.apply(given)), ConnectionPool::dispose);
    return new PostgresDatabase(pool.view(ConnectionFactory.class, p -> p), pool, pool);
  }

  private static ConnectionPool pool(Config config) {
    URI uri = uri(config);
    PostgresqlConnectionConfiguration.Builder connection =
        PostgresqlConnectionConfiguration.builder()
            .host(uri.getHost())
            .port(uri.getPort() < 0 ? 5432 : uri.getPort())
            .database(uri.getPath().replaceFirst("^/", ""))
            .username(config.require("DATABASE_USER"))
            .connectTimeout(Duration.ofSeconds(5))
            // The driver's extensions (hstore, PostGIS, pgvector codecs) would ask the catalogue
            // for their types on every new connection: a round trip in the first call after a
            // restore, for types no service uses.
            .autodetectExtensions(false);
    config.optional("DATABASE_PASSWORD").ifPresent(connection::password);
    sslMode(uri).ifPresent(connection::sslMode);
    return new ConnectionPool(
        ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(connection.build()))
            .initialSize(0)
            .maxSize(config.getInt("DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE))
            .maxIdleTime(Duration.ofMinutes(5))
            .maxAcquireTime(Duration.ofSeconds(5))
            .build());
  }

  /**
   * Applies {@code service}'s migrations ({@code classpath:db/<service>}) and then the platform's
   * outbox and inbox tables ({@code classpath:db/platform}) over JDBC; returns how many ran.
   */
  public static int migrate(Config config, String service) {
    return Flyway.configure()
        .dataSource(
            config.require("DATABASE_URL"),
            config.require("DATABASE_USER"),
            config.optional("DATABASE_PASSWORD").orElse(null))
        .locations("classpath:db/" + service, "classpath:db/platform")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /**
   * The URL's {@code sslmode} ({@code require}, {@code verify-full}, ...), as JDBC reads it: the
   * deployment sets it (RDS Proxy refuses a connection without TLS), the local cloud does not.
   */
  static Optional<SSLMode> sslMode(URI uri) {
    if (uri.getQuery() == null) {
      return Optional.empty();
    }
    for (String parameter : uri.getQuery().split("&")) {
      String[] pair = parameter.split("=", 2);
      if (pair[0].equalsIgnoreCase("sslmode") && pair.length == 2) {
        try {
          return Optional.of(SSLMode.fromValue(pair[1]));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "DATABASE_URL has an unknown sslmode '" + pair[1] + "'", e);
        }
      }
    }
    return Optional.empty();
  }

  private static URI uri(Config config) {
    String url = config.require("DATABASE_URL");
    URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
    if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "DATABASE_URL must look like jdbc:postgresql://host:5432/database");
    }
    return uri;
  }

  /**
   * Runs {@code work} in one transaction: committed when it completes, rolled back when it fails.
   * Once it has committed, the hooks its statements registered with {@link #afterCommit} run on
   * this thread.
   */
  public <T> Optional<T> transaction(Function<Connection, Mono<T>> work) {
    return withHooks(
        Mono.usingWhen(
            connections.create(),
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
            Connection::close));
  }

  /** Runs {@code work} on one connection in auto-commit mode (single statements, reads). */
  public <T> Optional<T> run(Function<Connection, Mono<T>> work) {
    return withHooks(
        Mono.usingWhen(
            connections.create(),
            c -> Mono.defer(() -> work.apply(c)).map(Optional::of).defaultIfEmpty(Optional.empty()),
            Connection::close));
  }

  private static <T> Optional<T> withHooks(Mono<Optional<T>> unit) {
    Queue<Runnable> hooks = new ConcurrentLinkedQueue<>();
    // The statements run on the driver's threads: the caller's trace goes along in the context.
    Optional<String> trace = Traces.current();
    Optional<T> result =
        unit.contextWrite(
                ctx -> {
                  var with = ctx.put(AFTER_COMMIT, hooks);
                  return trace.isPresent() ? with.put(TRACE_HEADER, trace.get()) : with;
                })
            .block(TIMEOUT);
    hooks.forEach(Runnable::run);
    return result == null ? Optional.empty() : result;
  }

  /**
   * Registers {@code hook} to run on the caller's thread once the unit of work this statement
   * belongs to has committed ({@link #transaction} or {@link #run}); dropped if it rolls back. The
   * outbox uses it to tell the entry point which events to relay at once.
   */
  public static Mono<Void> afterCommit(Runnable hook) {
    return Mono.deferContextual(
        ctx -> {
          Optional<Queue<Runnable>> hooks = ctx.getOrEmpty(AFTER_COMMIT);
          hooks
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "afterCommit outside PostgresDatabase.transaction or run"))
              .add(hook);
          return Mono.empty();
        });
  }

  /**
   * The X-Ray trace header of the thread that started this statement's unit of work ({@link
   * #transaction} or {@link #run}), if it had one: what the outbox stores with an event.
   */
  public static Mono<Optional<String>> callersTrace() {
    return Mono.deferContextual(ctx -> Mono.just(ctx.<String>getOrEmpty(TRACE_HEADER)));
  }

  /** The rows of {@code sql} bound to {@code args}, each mapped by {@code mapper}. */
  public <T> List<T> query(String sql, Function<Readable, T> mapper, Object... args) {
    return run(c -> rows(c, sql, mapper, args).collectList()).orElse(List.of());
  }

  /** The rows updated by {@code sql}, in auto-commit mode. */
  public long update(String sql, Object... args) {
    return run(c -> updated(c, sql, args)).orElse(0L);
  }

  /** The rows of {@code sql} on {@code c}, each mapped by {@code mapper}. */
  public static <T> Flux<T> rows(
      Connection c, String sql, Function<Readable, T> mapper, Object... args) {
    return Flux.from(bind(c.createStatement(sql), args).execute())
        .flatMap(result -> result.map(mapper::apply));
  }

  /** The rows {@code sql} updated on {@code c}. */
  public static Mono<Long> updated(Connection c, String sql, Object... args) {
    return Flux.from(bind(c.createStatement(sql), args).execute())
        .flatMap(result -> result.getRowsUpdated())
        .reduce(0L, Long::sum);
  }

  /** Binds {@code $1..$n}; a null needs its type, given as a {@link Null}. */
  public static Statement bind(Statement statement, Object... args) {
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
  public record Null(Class<?> type) {}

  /** {@code value}, or a typed NULL when it is null. */
  public static Object nullable(Object value, Class<?> type) {
    return value == null ? new Null(type) : value;
  }

  /** Whether {@code error} is a unique violation of {@code constraint}. */
  public static boolean isUniqueViolation(Throwable error, String constraint) {
    if (error instanceof PostgresqlException pg) {
      ErrorDetails details = pg.getErrorDetails();
      return "23505".equals(details.getCode())
          && details.getConstraintName().map(constraint::equals).orElse(false);
    }
    return false;
  }

  /**
   * The pool open now, as an R2DBC connection factory (opened if it is not): to look at, not to
   * keep, since priming closes it before a snapshot; the database itself always uses the open one.
   */
  public ConnectionFactory connections() {
    return current.get();
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the pool failed: " + e, e);
    }
  }

  /** The key of the after-commit hooks in the Reactor context. */
  private static final class AfterCommit {
    private AfterCommit() {}
  }
}
