package shop.transaction.api;

import shop.platform.config.Config;
import shop.platform.postgres.MigrationHandler;
import shop.transaction.TransactionModule;

/**
 * Brings the transaction database to the current schema ({@link TransactionModule#migrate}): the
 * deploy step's function, run before the functions serve traffic.
 */
public final class MigrateHandler extends MigrationHandler {
  /** For the Lambda runtime. */
  public MigrateHandler() {
    this(Config.fromEnvironment());
  }

  public MigrateHandler(Config config) {
    super(config, TransactionModule::migrate);
  }
}
