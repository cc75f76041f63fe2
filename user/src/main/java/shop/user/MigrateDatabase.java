package shop.user;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import shop.platform.config.Config;
import shop.platform.config.SecretReferences;

/**
 * Brings the user database to the current schema: the service's own migrations ({@code db/user})
 * and the platform's outbox and inbox tables ({@code db/platform}), over JDBC. Run it before the
 * functions serve traffic: the local cloud calls {@link #migrate(Config)}, a deploy step invokes it
 * as a Lambda (this class is a handler) or runs {@link #main} with the same environment as the
 * service ({@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}).
 */
public final class MigrateDatabase implements RequestHandler<Map<String, Object>, String> {
  public static final String[] LOCATIONS = {"classpath:db/user", "classpath:db/platform"};

  private final Config config;

  public MigrateDatabase() {
    this(Config.fromEnvironment());
  }

  public MigrateDatabase(Config config) {
    this.config = config;
  }

  public static void main(String[] args) {
    MigrateResult result = migrate(Config.fromEnvironment());
    System.out.println(summary(result));
  }

  /** Applies pending migrations; returns what Flyway did. */
  public static MigrateResult migrate(Config given) {
    Config config = SecretReferences.resolve(given);
    return Flyway.configure()
        .dataSource(
            config.require("DATABASE_URL"),
            config.require("DATABASE_USER"),
            config.require("DATABASE_PASSWORD"))
        .locations(LOCATIONS)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  @Override
  public String handleRequest(Map<String, Object> input, Context context) {
    return summary(migrate(config));
  }

  private static String summary(MigrateResult result) {
    return "migrated user database to version "
        + result.targetSchemaVersion
        + " ("
        + result.migrationsExecuted
        + " migrations applied)";
  }
}
