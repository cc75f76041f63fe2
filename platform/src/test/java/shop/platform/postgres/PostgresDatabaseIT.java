package shop.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.postgresql.client.SSLMode;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.config.SecretCache;
import shop.platform.snapstart.Priming;
import shop.platform.testing.EmbeddedDatabase;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

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
  void aNewConnectionAsksTheCatalogueForNoExtensionTypes() {
    db.execute("CREATE EXTENSION IF NOT EXISTS hstore");
    try (PostgresDatabase database = PostgresDatabase.pooled(settings(""))) {
      // With the driver's extension lookup, hstore would have been found and read as a Map.
      assertThat(database.query("SELECT 'a=>1'::hstore AS h", row -> row.get("h")))
          .singleElement()
          .isInstanceOf(String.class);
    }
  }

  @Test
  void primingLeavesNoConnectionOpenAndTheFirstQueryAfterARestoreReadsTheSecretAgain()
      throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    SecretCache secrets =
        new SecretCache(() -> secretsManager(fetched), Duration.ofMinutes(5), Clock.systemUTC());
    Config given =
        settings("").with(Map.of("DATABASE_PASSWORD", "secretsmanager:shop/database#password"));
    long before = backends();
    try (PostgresDatabase database = PostgresDatabase.pooled(given, secrets)) {
      Priming.Primer primer =
          Priming.register("a read", () -> database.query("SELECT 1", row -> 1));
      assertThat(fetched).as("nothing is read at construction").hasValue(0);

      Priming.primeAll();
      assertThat(fetched).as("the pool opened for priming").hasValue(1);
      assertThat(backends()).as("no connection kept into the snapshot").isEqualTo(before);

      secrets.afterRestore(null);
      assertThat(database.query("SELECT 41 + 1 AS answer", row -> row.get("answer", Integer.class)))
          .containsExactly(42);
      assertThat(fetched).as("the password read again after the restore").hasValue(2);
      assertThat(backends()).isEqualTo(before + 1);
      assertThat(primer).isNotNull();
    }
  }

  /** The server's client connections but this one. */
  private static long backends() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A Secrets Manager that counts its reads; the embedded server trusts any password. */
  private static SecretsManagerClient secretsManager(AtomicInteger fetched) {
    return new SecretsManagerClient() {
      @Override
      public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
        fetched.incrementAndGet();
        return GetSecretValueResponse.builder().secretString("{\"password\":\"p\"}").build();
      }

      @Override
      public String serviceName() {
        return "secretsmanager";
      }

      @Override
      public void close() {}
    };
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
