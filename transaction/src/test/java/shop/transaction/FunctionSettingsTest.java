package shop.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.config.MissingConfigException;
import shop.platform.testing.TestTokens;

/**
 * Each function is given only the secrets it may read: the sweeps get no Stripe key and must still
 * start, while a function given a Stripe key that is not one refuses to.
 */
class FunctionSettingsTest {

  @Test
  void aFunctionThatNeverCallsStripeStartsWithoutItsSecret() {
    TransactionModule sweep = module(Map.of());

    assertThat(sweep.outbox()).isNotNull();
  }

  @Test
  void aFunctionGivenAPlaceholderForAStripeKeyRefusesToStartNamingTheSetting() {
    assertThatThrownBy(
            () ->
                module(
                    Map.of(
                        "STRIPE_API_KEY", "REPLACE_ME",
                        "STRIPE_WEBHOOK_SECRET", "whsec_fine")))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("STRIPE_API_KEY")
        .hasMessageNotContaining("REPLACE_ME");
    assertThatThrownBy(
            () ->
                module(
                    Map.of(
                        "STRIPE_API_KEY", "rk_live_fine",
                        "STRIPE_WEBHOOK_SECRET", "not-a-signing-secret")))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
  }

  // Connections are opened on first use: building the module needs no server.
  private static TransactionModule module(Map<String, String> stripe) {
    Map<String, String> config = new HashMap<>(stripe);
    config.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/transaction");
    config.put("DATABASE_USER", "shop");
    config.put("PRODUCT_API_URL", "http://127.0.0.1:9");
    config.put("AWS_REGION", "us-east-1");
    config.put("AWS_ACCESS_KEY_ID", "test");
    config.put("AWS_SECRET_ACCESS_KEY", "test");
    return new TransactionModule(
        new Config(config), TestTokens.verifier(), failure -> {}, Clock.systemUTC());
  }
}
