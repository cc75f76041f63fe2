package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.testing.CapturedMetrics;

class BusinessMetricsTest {
  private final CapturedMetrics sink = new CapturedMetrics();
  private final BusinessMetrics business = new BusinessMetrics(sink.metrics());

  @Test
  void countsOrdersPlacedPaidAndCancelledAndTheRevenuePerCurrency() {
    business.sent(
        List.of(
            entry("shop.order.created.v1", "{}"),
            entry("shop.payment.captured.v1", "{\"data\":{\"amount\":1250,\"currency\":\"EUR\"}}"),
            entry("shop.order.cancelled.v1", "{}"),
            entry("shop.user.registered.v1", "{}")));

    assertThat(sink.withMetric("OrdersPlaced")).hasSize(1);
    assertThat(sink.withMetric("OrdersPaid")).hasSize(1);
    assertThat(sink.withMetric("OrdersCancelled")).hasSize(1);
    JsonNode revenue = sink.withMetric("RevenueMinor").getFirst();
    assertThat(revenue.get("currency").asText()).isEqualTo("EUR");
    assertThat(revenue.get("RevenueMinor").asLong()).isEqualTo(1250);
    assertThat(sink.lines()).as("nothing for a user's event").hasSize(4);
  }

  private static OutboxEntry entry(String type, String detail) {
    return new OutboxEntry("e-" + type, type, "shop.x", Instant.now(), detail, 0);
  }
}
