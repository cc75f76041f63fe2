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

  private static DeploymentConfig config(Map<String, Object> context) {
    return DeploymentConfig.from(App.Builder.create().context(context).build().getNode());
  }
}
