package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudPortsTest {

  @Test
  void defaultsAreTheDocumentedFixedPorts() {
    CloudPorts ports = CloudPorts.defaults();

    assertThat(ports.requested(Service.EVENTBRIDGE)).isEqualTo(4566);
    assertThat(ports.requested(Service.POSTGRES)).isEqualTo(4572);
  }

  @Test
  void settingsOverrideAPort() {
    CloudPorts ports = CloudPorts.fromSettings(Map.of("SHOP_LOCAL_SQS_PORT", "9324")::get);

    assertThat(ports.requested(Service.SQS)).isEqualTo(9324);
    assertThat(ports.requested(Service.S3)).isEqualTo(Service.S3.defaultPort());
  }

  @Test
  void aPortInUseNamesThePortAndTheSettingThatMovesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CloudPorts ports = CloudPorts.ephemeral().with(Service.SQS, taken.getLocalPort());

      assertThatThrownBy(ports::resolve)
          .isInstanceOf(PortInUseException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("SHOP_LOCAL_SQS_PORT");
    }
  }

  @Test
  void ephemeralPortsResolveToFreePorts() {
    Map<Service, Integer> ports = CloudPorts.ephemeral().resolve();

    assertThat(ports.values()).allMatch(port -> port > 0).doesNotHaveDuplicates();
  }

  @Test
  void rejectsASettingThatIsNotAPort() {
    assertThatThrownBy(() -> CloudPorts.fromSettings(Map.of("SHOP_LOCAL_S3_PORT", "s3")::get))
        .hasMessageContaining("SHOP_LOCAL_S3_PORT=s3");
  }
}
