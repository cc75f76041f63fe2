package shop.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL: a real PostgreSQL server (zonky's embedded binaries) run as a child process, with one
 * database per service that owns one, all owned by one login role. The data directory is a temp
 * directory removed on close; durability is off because nothing here outlives the JVM.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
  static final String ROLE = "shop";
  static final String PASSWORD = "shop";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedPostgresServer start(int port, List<String> databases)
      throws IOException, SQLException {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "100")
            .start();
    try {
      createDatabases(postgres, databases);
    } catch (SQLException | RuntimeException e) {
      postgres.close();
      throw e;
    }
    return new EmbeddedPostgresServer(postgres);
  }

  private static void createDatabases(EmbeddedPostgres postgres, List<String> databases)
      throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
      for (String database : databases) {
        statement.execute("CREATE DATABASE \"" + database + "\" OWNER " + ROLE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
