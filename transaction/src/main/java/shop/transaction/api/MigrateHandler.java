package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import shop.platform.config.Config;
import shop.transaction.TransactionModule;

/**
 * Applies the database migrations (ours and platform's outbox/inbox) over JDBC: a Lambda for the
 * deploy step, and a {@code main} for the local cloud and operators. Needs only {@code
 * DATABASE_URL}, {@code DATABASE_USER} and {@code DATABASE_PASSWORD}.
 */
public final class MigrateHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Config config;

  /** For the Lambda runtime. */
  public MigrateHandler() {
    this(Config.fromEnvironment());
  }

  public MigrateHandler(Config config) {
    this.config = config;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return Map.of("migrationsExecuted", run());
  }

  /** Migrates; returns how many migrations ran. */
  public int run() {
    return TransactionModule.migrate(config);
  }

  public static void main(String[] args) {
    System.out.println("migrations executed: " + new MigrateHandler().run());
  }
}
