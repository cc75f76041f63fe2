package shop.platform.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Gives each PostgreSQL service its own database and two login roles, as the server's master user:
 * a migration role that owns the database and its {@code public} schema (the service's Flyway
 * migrations connect as it, DDL included), and a runtime role that may connect to that database
 * only and read and write the rows of the tables the migration role makes, nothing else (no DDL, no
 * other service's database). Only this step sees the master credentials; in the cloud a deploy step
 * runs it ({@link DatabaseRolesHandler}), locally the local cloud does, with the same code.
 *
 * <p>Idempotent: roles and databases that exist are kept, their passwords set to the given ones,
 * and the grants made again, so it runs on every deployment.
 */
public final class DatabaseRoles {
  private static final Pattern SERVICE = Pattern.compile("^[a-z][a-z0-9]{0,30}$");

  /** A login role and its password. */
  public record Role(String name, String password) {
    public Role {
      Objects.requireNonNull(name, "name");
      if (password == null || password.isBlank()) {
        throw new IllegalArgumentException("role " + name + " needs a password");
      }
    }

    @Override
    public String toString() {
      return "Role[" + name + "]";
    }
  }

  /** One service's database with its migration and runtime roles. */
  public record ServiceDatabase(String database, Role migration, Role runtime) {
    public ServiceDatabase {
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(migration, "migration");
      Objects.requireNonNull(runtime, "runtime");
    }
  }

  private final String serverUrl;
  private final String masterUser;
  private final String masterPassword;

  /**
   * @param serverUrl the JDBC URL of a database the master user may connect to ({@code postgres});
   *     its host, port and parameters ({@code sslmode}) are used for every service's database too
   */
  public DatabaseRoles(String serverUrl, String masterUser, String masterPassword) {
    this.serverUrl = serverUrl;
    this.masterUser = masterUser;
    this.masterPassword = masterPassword;
  }

  /** The role {@code service}'s migrations connect as. */
  public static String migrationRole(String service) {
    return checked(service) + "_migration";
  }

  /** The role {@code service}'s functions connect as. */
  public static String runtimeRole(String service) {
    return checked(service) + "_runtime";
  }

  /** Creates or updates every service's roles and database, in order. */
  public void apply(List<ServiceDatabase> services) {
    for (ServiceDatabase service : services) {
      apply(service);
    }
  }

  private void apply(ServiceDatabase service) {
    String database = identifier(service.database());
    String migration = identifier(service.migration().name());
    String runtime = identifier(service.runtime().name());
    try (Connection server = connect(serverUrl)) {
      loginRole(server, service.migration());
      loginRole(server, service.runtime());
      // The master may make a role the owner of a database only as a member of it (on RDS the
      // master is no superuser); PostgreSQL 16 gives its creator the right to grant that.
      execute(server, "GRANT " + migration + " TO CURRENT_USER");
      if (exists(server, "SELECT 1 FROM pg_database WHERE datname = ?", service.database())) {
        execute(server, "ALTER DATABASE " + database + " OWNER TO " + migration);
      } else {
        execute(server, "CREATE DATABASE " + database + " OWNER " + migration);
      }
      execute(server, "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
      execute(server, "GRANT CONNECT ON DATABASE " + database + " TO " + runtime);
    } catch (SQLException e) {
      throw failure(service, e);
    }
    try (Connection db = connect(urlOf(service.database()))) {
      execute(db, "ALTER SCHEMA public OWNER TO " + migration);
      execute(db, "REVOKE ALL ON SCHEMA public FROM PUBLIC");
      execute(db, "GRANT USAGE ON SCHEMA public TO " + runtime);
      // What an earlier deployment made as the master becomes the migration role's: tables (with
      // their indexes and own sequences), views, and sequences no table owns.
      execute(
          db,
          "DO $$ DECLARE o record; BEGIN FOR o IN SELECT c.relname, c.relkind FROM pg_class c"
              + " JOIN pg_namespace n ON n.oid = c.relnamespace"
              + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')"
              + " AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = "
              + literal(service.migration().name())
              + ") AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid"
              + " AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))"
              + " ORDER BY c.relkind = 'S'"
              + " LOOP EXECUTE format('ALTER %s public.%I OWNER TO %s', CASE o.relkind"
              + " WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'"
              + " ELSE 'TABLE' END, o.relname, "
              + literal(migration)
              + "); END LOOP; END $$");
      execute(
          db, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + runtime);
      execute(db, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + runtime);
      String defaults = "ALTER DEFAULT PRIVILEGES FOR ROLE " + migration + " IN SCHEMA public ";
      execute(db, defaults + "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + runtime);
      execute(db, defaults + "GRANT USAGE, SELECT ON SEQUENCES TO " + runtime);
    } catch (SQLException e) {
      throw failure(service, e);
    }
  }

  private void loginRole(Connection server, Role role) throws SQLException {
    String name = identifier(role.name());
    String options =
        " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + literal(role.password());
    if (exists(server, "SELECT 1 FROM pg_roles WHERE rolname = ?", role.name())) {
      execute(server, "ALTER ROLE " + name + " WITH" + options);
    } else {
      execute(server, "CREATE ROLE " + name + options);
    }
  }

  /** The server URL with its database replaced by {@code database}. */
  String urlOf(String database) {
    int query = serverUrl.indexOf('?');
    String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
    String parameters = query < 0 ? "" : serverUrl.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
  }

  private Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, masterUser, masterPassword);
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  /** A quoted identifier (role and database names come from configuration). */
  static String identifier(String name) {
    if (name == null || name.isBlank() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a PostgreSQL name: " + name);
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * A string literal; with {@code standard_conforming_strings} (on since PostgreSQL 9.1) only
   * quotes need doubling. Passwords cannot be bound as parameters in {@code CREATE ROLE}.
   */
  static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a NUL in a PostgreSQL string");
    }
    return "'" + value.replace("'", "''") + "'";
  }

  private static String checked(String service) {
    String name = service.toLowerCase(Locale.ROOT);
    if (!SERVICE.matcher(name).matches()) {
      throw new IllegalArgumentException("not a service name: " + service);
    }
    return name;
  }

  private static IllegalStateException failure(ServiceDatabase service, SQLException e) {
    // The message names the step's database and roles, never a password.
    return new IllegalStateException(
        "setting up database "
            + service.database()
            + " with roles "
            + service.migration().name()
            + " and "
            + service.runtime().name()
            + " failed: "
            + e.getMessage(),
        e);
  }
}
