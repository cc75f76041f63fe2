package shop.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.testing.EmbeddedDatabase;

/**
 * The bootstrap against a real PostgreSQL, whose superuser plays the master: each service's
 * migration role owns its database and runs the migrations; its runtime role reads and writes those
 * tables and can do nothing else.
 */
class DatabaseRolesIT {
  private static EmbeddedDatabase db;

  @BeforeAll
  static void setUp() throws SQLException {
    db = EmbeddedDatabase.start("classpath:db/platform");
    // An earlier deployment: the master made the database and ran the migrations itself.
    db.execute("CREATE DATABASE shop_alpha");
    migrate("shop_alpha", "postgres", "");
    bootstrap("alpha-migration-1", "alpha-runtime-1");
    migrate("shop_alpha", "alpha_migration", "alpha-migration-1");
    migrate("shop_beta", "beta_migration", "beta-migration");
    // A later migration, as the migration role.
    run(
        "shop_alpha",
        "alpha_migration",
        "alpha-migration-1",
        "CREATE TABLE later (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)");
  }

  @AfterAll
  static void tearDown() throws Exception {
    db.close();
  }

  @Test
  void theMigrationRoleOwnsTheDatabaseAndWhatTheMasterMadeBefore() throws SQLException {
    assertThat(
            query(
                "shop_alpha",
                "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables"
                    + " WHERE schemaname = 'public'"))
        .isEqualTo("alpha_migration");
    assertThat(
            query(
                "postgres",
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'shop_beta'"))
        .isEqualTo("beta_migration");
  }

  @Test
  void theRuntimeRoleReadsAndWritesItsServicesTables() throws SQLException {
    run(
        "shop_alpha",
        "alpha_runtime",
        "alpha-runtime-1",
        "INSERT INTO later (note) VALUES ('a'); UPDATE later SET note = 'b';"
            + " DELETE FROM later WHERE note = 'b'");
    assertThat(count("shop_alpha", "alpha_runtime", "alpha-runtime-1", "event_outbox")).isZero();
    assertThat(count("shop_beta", "beta_runtime", "beta-runtime", "event_inbox")).isZero();
  }

  @Test
  void theRuntimeRoleMakesRowsOfItsTablesTypesAsSnapStartPrimingDoes() throws SQLException {
    // Priming reads made-up rows of a table's own type from a WITH query named after the table.
    run(
        "shop_alpha",
        "alpha_runtime",
        "alpha-runtime-1",
        "WITH later AS (SELECT * FROM jsonb_populate_recordset(NULL::later,"
            + " '[{\"id\": 1, \"note\": \"priming\"}]')) SELECT id, note FROM later");
  }

  @Test
  void theRuntimeRoleCannotChangeTheSchema() {
    for (String ddl :
        List.of(
            "CREATE TABLE sneaky (id int)",
            "DROP TABLE event_outbox",
            "ALTER TABLE later ADD COLUMN y int",
            "TRUNCATE later",
            "CREATE SCHEMA sneaky")) {
      assertThatThrownBy(() -> run("shop_alpha", "alpha_runtime", "alpha-runtime-1", ddl))
          .as(ddl)
          .isInstanceOf(SQLException.class)
          // insufficient_privilege: "permission denied" or "must be owner"
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }
  }

  @Test
  void noRoleOfOneServiceReachesAnothersDatabase() {
    for (String role : List.of("alpha_runtime", "alpha_migration")) {
      String password = role.equals("alpha_runtime") ? "alpha-runtime-1" : "alpha-migration-1";
      assertThatThrownBy(() -> run("shop_beta", role, password, "SELECT 1"))
          .as(role)
          .hasMessageContaining("permission denied for database");
    }
  }

  @Test
  void runningAgainKeepsTheDataAndSetsTheNewPasswords() throws SQLException {
    // The embedded server trusts local connections: the stored password hashes tell the change.
    String before = passwordHash("alpha_runtime");
    bootstrap("alpha-migration-2", "alpha-runtime-2");
    assertThat(passwordHash("alpha_runtime")).isNotEqualTo(before).startsWith("SCRAM-SHA-256$");
    assertThat(count("shop_alpha", "alpha_runtime", "alpha-runtime-2", "event_outbox")).isZero();
    bootstrap("alpha-migration-1", "alpha-runtime-1");
  }

  @Test
  void urlOfKeepsTheServersHostAndParameters() {
    assertThat(
            new DatabaseRoles("jdbc:postgresql://h:5432/postgres?sslmode=verify-full", "m", "p")
                .urlOf("shop_user"))
        .isEqualTo("jdbc:postgresql://h:5432/shop_user?sslmode=verify-full");
  }

  private static void bootstrap(String alphaMigration, String alphaRuntime) {
    new DatabaseRolesHandler(
            new Config(
                Map.of(
                    "DATABASE_URL", url("postgres"),
                    "DATABASE_USER", "postgres",
                    "DATABASE_PASSWORD", "unused",
                    "DATABASE_SERVICES", "alpha, beta",
                    "DATABASE_ALPHA_NAME", "shop_alpha",
                    "DATABASE_ALPHA_MIGRATION_PASSWORD", alphaMigration,
                    "DATABASE_ALPHA_RUNTIME_PASSWORD", alphaRuntime,
                    "DATABASE_BETA_NAME", "shop_beta",
                    "DATABASE_BETA_MIGRATION_PASSWORD", "beta-migration",
                    "DATABASE_BETA_RUNTIME_PASSWORD", "beta-runtime")))
        .run();
  }

  private static void migrate(String database, String user, String password) {
    Flyway.configure()
        .dataSource(url(database), user, password)
        .locations("classpath:db/platform")
        .load()
        .migrate();
  }

  private static String query(String database, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(database), "postgres", "");
        Statement statement = c.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://localhost:" + db.port() + "/" + database;
  }

  private static void run(String database, String user, String password, String sql)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url(database), user, password);
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String passwordHash(String role) {
    return db.query(
        "SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'",
        rows -> rows.next() ? rows.getString(1) : null);
  }

  private static long count(String database, String user, String password, String table)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url(database), user, password);
        Statement statement = c.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
