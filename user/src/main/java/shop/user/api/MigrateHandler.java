package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import shop.platform.config.Config;
import shop.user.UserModule;

/**
 * Brings the user database to the current schema ({@link UserModule#migrate}): a Lambda for the
 * deploy step, and a {@code main} for operators, with the same {@code DATABASE_*} settings as the
 * service. Run it before the functions serve traffic.
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
    return UserModule.migrate(config);
  }

  public static void main(String[] args) {
    System.out.println("migrations executed: " + new MigrateHandler().run());
  }
}
