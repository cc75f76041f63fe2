package shop.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.config.MissingConfigException;

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
    Map<String, String> config = TestModules.baseConfig();
    config.keySet().removeIf(name -> name.startsWith("STRIPE_"));
    config.putAll(stripe);
    return TestModules.create(config);
  }
}
