package shop.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void aMissingSettingNamesTheVariable() {
    Config config = new Config(Map.of("AWS_REGION", "eu-west-1", "BLANK", "  "));

    assertThatThrownBy(() -> config.require("ORDERS_TABLE"))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("ORDERS_TABLE");
    assertThatThrownBy(() -> config.require("BLANK")).hasMessageContaining("BLANK");
    assertThat(config.require("AWS_REGION")).isEqualTo("eu-west-1");
  }

  @Test
  void parsesNumbersAndDurationsOrSaysWhatIsWrong() {
    Config config = new Config(Map.of("N", "7", "D", "PT30M", "S", "90", "BAD", "soon"));

    assertThat(config.getInt("N", 1)).isEqualTo(7);
    assertThat(config.getInt("ABSENT", 1)).isEqualTo(1);
    assertThat(config.getDuration("D", Duration.ZERO)).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.getDuration("S", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> config.getDuration("BAD", Duration.ZERO))
        .hasMessageContaining("BAD=soon");
  }

  @Test
  void serviceSpecificEndpointWinsOverTheGeneralOne() {
    AwsClients clients =
        new AwsClients(
            new Config(
                Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_ENDPOINT_URL", "http://localhost:4566",
                    "AWS_ENDPOINT_URL_SQS", "http://localhost:9324")));

    assertThat(clients.endpoint("SQS"))
        .hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(9324));
    assertThat(clients.endpoint("DYNAMODB"))
        .hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(4566));
  }

  @Test
  void theRegionIsRequired() {
    assertThatThrownBy(() -> new AwsClients(new Config(Map.of())))
        .hasMessageContaining("AWS_REGION");
  }

  @Test
  void aDefaultStandsInOnlyForAnAbsentOrBlankSetting() {
    Config config = new Config(Map.of("NAME", " shop ", "BLANK", " "));

    assertThat(config.get("NAME", "default")).isEqualTo("shop");
    assertThat(config.get("BLANK", "default")).isEqualTo("default");
    assertThat(config.get("ABSENT", "default")).isEqualTo("default");
  }

  @Test
  void inLambdaTheSettingsAreTheEnvironmentVariables() {
    String path = System.getenv("PATH");

    assertThat(Config.fromEnvironment().require("PATH")).isEqualTo(path.strip());
  }
}
