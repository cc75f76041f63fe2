package shop.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL: a real PostgreSQL server (zonky's embedded binaries) run as a child process, with one
 * database per service that owns one, all owned by one login role. The data directory is a temp
 * directory removed on close (or, if the JVM is killed, at the next start of a local cloud: {@link
 * PostgresLeftovers}), copied from a {@link PostgresTemplate} rather than initdb'd; durability is
 * off because nothing here outlives the JVM. {@link #restart} stops the server and starts it again
 * on the same port and data, for reliability drills.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
  static final String ROLE = "shop";
  static final String PASSWORD = "shop";

  private final int port;
  private final Path data;
  private volatile EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(int port, Path data, EmbeddedPostgres postgres) {
    this.port = port;
    this.data = data;
    this.postgres = postgres;
  }

  static EmbeddedPostgresServer start(int port, List<String> databases)
      throws IOException, SQLException {
    Path data = PostgresLeftovers.newDataDirectory(Path.of(System.getProperty("java.io.tmpdir")));
    EmbeddedPostgres postgres;
    try {
      PostgresTemplate.ofClasspathBinaries().copyInto(data);
      postgres = launch(port, data);
    } catch (IOException | RuntimeException e) {
      delete(data);
      throw e;
    }
    try {
      createDatabases(postgres, databases);
    } catch (SQLException | RuntimeException e) {
      postgres.close();
      delete(data);
      throw e;
    }
    return new EmbeddedPostgresServer(port, data, postgres);
  }

  /** Our own data directory, kept across {@link #restart}: zonky initdb's only an empty one. */
  private static EmbeddedPostgres launch(int port, Path data) throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("max_connections", "100")
        .start();
  }

  /**
   * Stops the server (fast shutdown: every session is ended), waits {@code down}, and starts it
   * again on the same port with the same data.
   */
  synchronized void restart(Duration down) throws IOException, InterruptedException {
    postgres.close();
    Thread.sleep(down);
    postgres = launch(port, data);
  }

  private static void createDatabases(EmbeddedPostgres postgres, List<String> databases)
      throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      // Like the cloud's master user (no superuser): it may make roles and databases, as the
      // shop's database roles step does for each service.
      statement.execute(
          "CREATE ROLE " + ROLE + " LOGIN CREATEDB CREATEROLE PASSWORD '" + PASSWORD + "'");
      for (String database : databases) {
        statement.execute("CREATE DATABASE \"" + database + "\" OWNER " + ROLE);
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      postgres.close();
    } finally {
      delete(data);
    }
  }

  /** Deletes {@code directory} and what it holds, if it exists. */
  static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
