package shop.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.postgresql.client.SSLMode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.testing.EmbeddedDatabase;

/** The pool as the settings describe it, against a PostgreSQL that offers no TLS. */
class PostgresDatabaseIT {
  private static EmbeddedDatabase db;

  @BeforeAll
  static void start() {
    db = EmbeddedDatabase.start("classpath:db/platform");
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void connectsWithTheSettingsAlone() {
    try (PostgresDatabase database = PostgresDatabase.pooled(settings(""))) {
      assertThat(database.query("SELECT 41 + 1 AS answer", row -> row.get("answer", Integer.class)))
          .containsExactly(42);
    }
  }

  @Test
  void honoursTheUrlsSslModeSoADeploymentNeverFallsBackToPlainText() {
    try (PostgresDatabase database = PostgresDatabase.pooled(settings("?sslmode=require"))) {
      assertThatThrownBy(() -> database.query("SELECT 1", row -> 1)).hasStackTraceContaining("SSL");
    }
  }

  @Test
  void readsTheSslModeAsJdbcDoes() {
    assertThat(PostgresDatabase.sslMode(URI.create("postgresql://h:5432/d?sslmode=verify-full")))
        .contains(SSLMode.VERIFY_FULL);
    assertThat(PostgresDatabase.sslMode(URI.create("postgresql://h:5432/d?a=b&sslmode=require")))
        .contains(SSLMode.REQUIRE);
    // The deployment's URL: JDBC's trust store parameter rides along, R2DBC reads the mode.
    assertThat(
            PostgresDatabase.sslMode(
                URI.create(
                    "postgresql://h:5432/d?sslmode=verify-full"
                        + "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory")))
        .contains(SSLMode.VERIFY_FULL);
    assertThat(PostgresDatabase.sslMode(URI.create("postgresql://h:5432/d"))).isEmpty();
    assertThatThrownBy(
            () -> PostgresDatabase.sslMode(URI.create("postgresql://h:5432/d?sslmode=sometimes")))
        .hasMessageContaining("DATABASE_URL has an unknown sslmode 'sometimes'");
  }

  private static Config settings(String query) {
    return new Config(
        Map.of(
            "DATABASE_URL",
            "jdbc:postgresql://localhost:" + db.port() + "/postgres" + query,
            "DATABASE_USER",
            "postgres"));
  }
}
