package shop.platform.postgres;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.platform.config.Config;
import shop.platform.config.SecretReferences;

/**
 * The deploy step that sets up every PostgreSQL service's database and roles ({@link
 * DatabaseRoles}) as the master user, before any migration runs. Its settings, secret references
 * resolved when it runs:
 *
 * <ul>
 *   <li>{@code DATABASE_URL}: the server's maintenance database ({@code
 *       jdbc:postgresql://host:5432/postgres?sslmode=...}); {@code DATABASE_USER}, {@code
 *       DATABASE_PASSWORD}: the master's
 *   <li>{@code DATABASE_SERVICES}: the services, comma-separated ({@code user,transaction})
 *   <li>per service {@code S}: {@code DATABASE_S_NAME} (its database), {@code
 *       DATABASE_S_MIGRATION_PASSWORD} and {@code DATABASE_S_RUNTIME_PASSWORD} (the passwords of
 *       {@link DatabaseRoles#migrationRole} and {@link DatabaseRoles#runtimeRole})
 * </ul>
 */
public final class DatabaseRolesHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Config config;

  /** For the Lambda runtime. */
  public DatabaseRolesHandler() {
    this(Config.fromEnvironment());
  }

  public DatabaseRolesHandler(Config config) {
    this.config = config;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return Map.of("services", run());
  }

  /** Sets up every service's database and roles; returns the services' names. */
  public List<String> run() {
    Config resolved = SecretReferences.resolve(config);
    List<String> services = services(resolved);
    new DatabaseRoles(
            resolved.require("DATABASE_URL"),
            resolved.require("DATABASE_USER"),
            resolved.require("DATABASE_PASSWORD"))
        .apply(services.stream().map(s -> database(resolved, s)).toList());
    return services;
  }

  private static List<String> services(Config config) {
    return Arrays.stream(config.require("DATABASE_SERVICES").split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static DatabaseRoles.ServiceDatabase database(Config config, String service) {
    String prefix = "DATABASE_" + service.toUpperCase(Locale.ROOT) + "_";
    return new DatabaseRoles.ServiceDatabase(
        config.require(prefix + "NAME"),
        new DatabaseRoles.Role(
            DatabaseRoles.migrationRole(service), config.require(prefix + "MIGRATION_PASSWORD")),
        new DatabaseRoles.Role(
            DatabaseRoles.runtimeRole(service), config.require(prefix + "RUNTIME_PASSWORD")));
  }
}
