package shop.user.api;

import shop.platform.config.Config;
import shop.platform.postgres.MigrationHandler;
import shop.user.UserModule;

/**
 * Brings the user database to the current schema ({@link UserModule#migrate}): the deploy step's
 * function, run before the functions serve traffic.
 */
public final class MigrateHandler extends MigrationHandler {
  /** For the Lambda runtime. */
  public MigrateHandler() {
    this(Config.fromEnvironment());
  }

  public MigrateHandler(Config config) {
    super(config, UserModule::migrate);
  }
}
