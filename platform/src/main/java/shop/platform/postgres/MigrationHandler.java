package shop.platform.postgres;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.function.ToIntFunction;
import shop.platform.config.Config;

/**
 * What every PostgreSQL service's migration function does: bring its database to the current schema
 * with the service's own {@code DATABASE_*} settings, as a deploy step before the functions serve
 * traffic, and answer how many migrations ran. Each service's {@code api.MigrateHandler} names its
 * migration.
 */
public abstract class MigrationHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Config config;
  private final ToIntFunction<Config> migrate;

  /**
   * @param migrate the service's migration ({@code PostgresDatabase.migrate} with its name)
   */
  protected MigrationHandler(Config config, ToIntFunction<Config> migrate) {
    this.config = config;
    this.migrate = migrate;
  }

  @Override
  public final Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return Map.of("migrationsExecuted", run());
  }

  /** Migrates; returns how many migrations ran. */
  public final int run() {
    return migrate.applyAsInt(config);
  }
}
