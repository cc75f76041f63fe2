package shop.platform.testing;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import reactor.core.publisher.Mono;

/**
 * A real PostgreSQL for integration tests, with the given Flyway locations migrated: start it once
 * per test class. R2DBC for the code under test, JDBC for the test's own checks.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final ConnectionFactory connections;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.connections =
        new PostgresqlConnectionFactory(
            PostgresqlConnectionConfiguration.builder()
                .host("localhost")
                .port(postgres.getPort())
                .username("postgres")
                .database("postgres")
                .build());
  }

  /** Starts PostgreSQL and migrates {@code locations} (e.g. {@code classpath:db/platform}). */
  public static EmbeddedDatabase start(String... locations) {
    EmbeddedPostgres postgres;
    try {
      postgres = EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
    Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations(locations)
        .load()
        .migrate();
    return new EmbeddedDatabase(postgres);
  }

  /** The port PostgreSQL listens on (localhost). */
  public int port() {
    return postgres.getPort();
  }

  public ConnectionFactory connections() {
    return connections;
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /**
   * Runs {@code work} in one R2DBC transaction: commits when it completes, rolls back and passes
   * the error on when it fails. The way a service's use case runs.
   */
  public Mono<Void> inTransaction(Function<Connection, Mono<?>> work) {
    return Mono.usingWhen(
        connections.create(),
        connection ->
            Mono.from(connection.beginTransaction())
                .then(work.apply(connection))
                .then(Mono.from(connection.commitTransaction()))
                .onErrorResume(
                    error -> Mono.from(connection.rollbackTransaction()).then(Mono.error(error))),
        Connection::close);
  }

  /** Runs one SQL statement over JDBC. */
  public void execute(String sql) {
    try (var connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of the first row of {@code sql}, as a long. */
  public long count(String sql) {
    return query(sql, rs -> rs.next() ? rs.getLong(1) : 0L);
  }

  /** Runs {@code sql} over JDBC and reads its result with {@code reader}. */
  public <T> T query(String sql, ResultReader<T> reader) {
    try (var connection = dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      return reader.read(rs);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  /** Reads a JDBC result. */
  @FunctionalInterface
  public interface ResultReader<T> {
    T read(ResultSet rs) throws SQLException;
  }
}
