package shop.localstack.app;

import java.util.Map;

/**
 * The user service reads its database settings under names of its own ({@code DATABASE_*}) while
 * the cloud's endpoints give every service {@code DB_*}: this copies them under the user service's
 * names. Kept apart so that it goes in one deletion once the services read the same keys.
 */
final class UserDatabaseKeys {
  private UserDatabaseKeys() {}

  /** Adds the user service's names for the {@code DB_*} settings in {@code config}. */
  static void add(Map<String, String> config, int poolSize) {
    config.put("DATABASE_URL", config.get("DB_JDBC_URL"));
    config.put("DATABASE_USER", config.get("DB_USER"));
    config.put("DATABASE_PASSWORD", config.get("DB_PASSWORD"));
    config.put("DATABASE_POOL_SIZE", Integer.toString(poolSize));
  }
}
