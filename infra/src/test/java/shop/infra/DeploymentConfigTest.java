package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

class DeploymentConfigTest {
  @Test
  void aDeploymentMustNameItsCorsOrigins() {
    assertThatThrownBy(() -> config(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop:corsOrigins")
        .hasMessageContaining("no origin is allowed by default");
  }

  @Test
  void aWildcardOrAPathIsNoOrigin() {
    for (String origins : new String[] {"*", "https://shop.example.com,*", "https://a.com/x"}) {
      assertThatThrownBy(() -> config(Map.of("shop:corsOrigins", origins)))
          .as(origins)
          .hasMessageContaining("explicit origins");
    }
  }

  @Test
  void readsTheOriginsAndTheArchivesRetention() {
    DeploymentConfig config =
        config(
            Map.of(
                "shop:corsOrigins", "https://shop.example.com, https://admin.example.com",
                "shop:archiveRetentionDays", "30"));
    assertThat(config.corsOrigins())
        .containsExactly("https://shop.example.com", "https://admin.example.com");
    assertThat(config.archiveRetentionDays()).isEqualTo(30);
    assertThat(
            config(Map.of("shop:corsOrigins", "https://shop.example.com")).archiveRetentionDays())
        .isEqualTo(90);
  }

  @Test
  void aFunctionsMemoryIsItsOwnSettingElseItsServicesElseTheMeasuredSize() {
    Map<String, Integer> measured = DeploymentConfig.measuredMemory();
    String origins = "https://shop.example.com";

    DeploymentConfig defaults = config(Map.of("shop:corsOrigins", origins));
    assertThat(defaults.memory("transaction", "shop-transaction-api"))
        .isEqualTo(measured.getOrDefault("shop-transaction-api", measured.get("default")));
    assertThat(defaults.memory("user", "shop-user-migrate")).isEqualTo(measured.get("default"));

    DeploymentConfig service =
        config(Map.of("shop:corsOrigins", origins, "shop:memory:transaction", "2048"));
    assertThat(service.memory("transaction", "shop-transaction-api")).isEqualTo(2048);
    assertThat(service.memory("transaction", "shop-transaction-payments-events")).isEqualTo(2048);
    assertThat(service.memory("user", "shop-user-api"))
        .isEqualTo(defaults.memory("user", "shop-user-api"));

    DeploymentConfig function =
        config(
            Map.of(
                "shop:corsOrigins",
                origins,
                "shop:memory:transaction",
                "2048",
                "shop:memory:shop-transaction-api",
                "1769"));
    assertThat(function.memory("transaction", "shop-transaction-api")).isEqualTo(1769);
    assertThat(function.memory("transaction", "shop-transaction-payments-events")).isEqualTo(2048);
  }

  @Test
  void aMemorySettingMustNameAServiceOrAFunction() {
    assertThatThrownBy(
            () ->
                config(
                    Map.of(
                        "shop:corsOrigins", "https://shop.example.com",
                        "shop:memory:transaction-api", "512")))
        .hasMessageContaining("shop:memory:transaction-api")
        .hasMessageContaining("shop-<service>-<role>");
  }

  private static DeploymentConfig config(Map<String, Object> context) {
    return DeploymentConfig.from(App.Builder.create().context(context).build().getNode());
  }
}
