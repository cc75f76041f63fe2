package shop.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void writesTheEmbeddedMetricFormat() {
    Metrics metrics =
        new Metrics("transaction", Clock.fixed(Instant.ofEpochMilli(1000), ZoneOffset.UTC));

    JsonNode line = metrics.line("OrdersPlaced", 3, "Count", Map.of("currency", "EUR"));

    JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
    assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(1000);
    assertThat(directive.get("Namespace").asText()).isEqualTo("Shop");
    assertThat(directive.at("/Dimensions/0").toString()).isEqualTo("[\"service\",\"currency\"]");
    assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("OrdersPlaced");
    assertThat(line.get("service").asText()).isEqualTo("transaction");
    assertThat(line.get("currency").asText()).isEqualTo("EUR");
    assertThat(line.get("OrdersPlaced").asLong()).isEqualTo(3);
  }
}
