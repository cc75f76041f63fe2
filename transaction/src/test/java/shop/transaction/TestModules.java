package shop.transaction;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import shop.platform.config.Config;
import shop.platform.testing.TestTokens;

/** Modules for tests: the config every test needs, with the servers a test starts on top. */
public final class TestModules {
  private TestModules() {}

  /** Settings that point nowhere: enough for tests that never leave the handler. */
  public static Map<String, String> baseConfig() {
    Map<String, String> config = new HashMap<>();
    config.put("DATABASE_URL", "jdbc:postgresql://localhost:1/postgres");
    config.put("DATABASE_USER", "postgres");
    config.put("DATABASE_PASSWORD", "unused");
    config.put("PRODUCT_API_URL", "http://localhost:1");
    config.put("STRIPE_API_KEY", "sk_test_local");
    config.put("STRIPE_API_BASE", "http://localhost:1");
    config.put("STRIPE_WEBHOOK_SECRET", "whsec_test");
    config.put("AWS_REGION", "eu-west-1");
    config.put("AWS_ACCESS_KEY_ID", "AKIDLOCAL");
    config.put("AWS_SECRET_ACCESS_KEY", "local-secret");
    config.put("AWS_ENDPOINT_URL", "http://localhost:1");
    return config;
  }

  public static TransactionModule offline() {
    return create(baseConfig());
  }

  public static TransactionModule create(Map<String, String> config) {
    return new TransactionModule(
        new Config(config), TestTokens.verifier(), failure -> {}, Clock.systemUTC());
  }
}
