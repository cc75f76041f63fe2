package shop.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.snapstart.Priming;
import shop.platform.testing.CapturedMetrics;
import software.amazon.cloudwatchlogs.emf.sinks.ConsoleSink;

class MetricsTest {
  private final CapturedMetrics sink = new CapturedMetrics();
  private final Metrics metrics = sink.metrics();

  @Test
  void writesTheEmbeddedMetricFormatUnderItsDimensionsAndShopWide() {
    long before = System.currentTimeMillis();
    metrics.point(Map.of("currency", "EUR")).count("OrdersPlaced", 3).value("Revenue", 1250).emit();

    JsonNode line = sink.lines().getFirst();
    JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
    assertThat(line.at("/_aws/Timestamp").asLong()).isGreaterThanOrEqualTo(before);
    assertThat(directive.get("Namespace").asText()).isEqualTo("Shop");
    assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"currency\"],[]]");
    assertThat(directive.at("/Metrics").findValuesAsText("Name"))
        .containsExactlyInAnyOrder("OrdersPlaced", "Revenue");
    assertThat(directive.at("/Metrics").findValuesAsText("Unit"))
        .containsExactlyInAnyOrder("Count", "None");
    assertThat(line.get("currency").asText()).isEqualTo("EUR");
    assertThat(line.get("OrdersPlaced").asDouble()).isEqualTo(3);
    assertThat(line.get("Revenue").asDouble()).isEqualTo(1250);
  }

  @Test
  void primingSerializesAPointButWritesNoLine() {
    CapturedMetrics process = new CapturedMetrics();
    Metrics.sendTo(process);
    try {
      Priming.primeAll();
    } finally {
      Metrics.sendTo(new ConsoleSink());
    }

    assertThat(process.lines()).noneMatch(line -> line.path("route").asText().equals("priming"));
  }

  @Test
  void repeatedDurationsFormOneDistribution() {
    metrics
        .point(Map.of("consumer", "inventory"))
        .milliseconds("MessageAgeMs", 12)
        .milliseconds("MessageAgeMs", 40)
        .emit();

    JsonNode line = sink.withMetric("MessageAgeMs").getFirst();
    assertThat(line.get("MessageAgeMs").toString()).isEqualTo("[12.0,40.0]");
    assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText())
        .isEqualTo("Milliseconds");
  }

  @Test
  void aPointWithoutDimensionsIsPublishedOnce() {
    metrics.count("ColdStarts", 1, Map.of());

    assertThat(sink.lines().getFirst().at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
        .isEqualTo("[[]]");
  }
}
