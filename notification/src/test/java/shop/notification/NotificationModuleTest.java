package shop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.config.MissingConfigException;
import shop.platform.testing.TestTokens;

class NotificationModuleTest {
  /** What the API function has: no provider settings, no provider secrets. */
  private static final Config API_FUNCTION =
      new Config(
          Map.of(
              "AWS_REGION", "eu-west-1",
              "AWS_ACCESS_KEY_ID", "test",
              "AWS_SECRET_ACCESS_KEY", "test",
              "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
              "NOTIFICATIONS_TABLE", "shop-notifications"));

  @Test
  void theApiFunctionBuildsItWithoutProviderSettings() {
    NotificationModule module = new NotificationModule(API_FUNCTION, TestTokens.verifier());

    assertThat(module.listNotifications()).isNotNull();
    assertThat(module.jwtVerifier()).isNotNull();
  }

  @Test
  void theConsumerNeedsTheProviderSettingsAndSaysWhichIsMissing() {
    NotificationModule module = new NotificationModule(API_FUNCTION, TestTokens.verifier());

    assertThatThrownBy(module::notificationEvents)
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("EMAIL_PRIMARY");
  }
}
