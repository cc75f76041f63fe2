package shop.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.EventJson;
import shop.events.EventType;
import shop.platform.observability.Metrics;

/**
 * The shop's business figures, counted where a use case's outcome becomes a fact: when its event
 * leaves the outbox, that is once the change committed (a rolled-back order never counts). Orders
 * placed, paid, cancelled and refunded, and the revenue captured in minor units per currency. An
 * event the relay sends twice (it may, rarely) counts twice.
 */
final class BusinessMetrics {
  private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);
  private static final ObjectMapper JSON = EventJson.mapper();

  /** The metric each business event counts under, by its event name. */
  private static final Map<String, String> COUNTED =
      Map.of(
          "OrderCreated", "OrdersPlaced",
          "PaymentCaptured", "OrdersPaid",
          "OrderCancelled", "OrdersCancelled",
          "RefundIssued", "OrdersRefunded");

  private final Metrics metrics;

  BusinessMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Counts the business events among {@code sent}; never fails the relay. */
  void sent(List<OutboxEntry> sent) {
    for (OutboxEntry entry : sent) {
      String eventName = EventType.ofType(entry.eventType()).map(EventType::eventName).orElse("");
      String metric = COUNTED.get(eventName);
      if (metric == null) {
        continue;
      }
      try {
        metrics.point(Map.of()).count(metric, 1).emit();
        if (eventName.equals("PaymentCaptured")) {
          revenue(entry);
        }
      } catch (RuntimeException e) {
        log.warn("business metrics of event {} not written: {}", entry.id(), e.toString());
      }
    }
  }

  private void revenue(OutboxEntry entry) {
    JsonNode data;
    try {
      data = JSON.readTree(entry.detail()).path("data");
    } catch (IOException e) {
      return;
    }
    if (data.path("amount").isIntegralNumber() && data.path("currency").isTextual()) {
      metrics
          .point(Map.of("currency", data.get("currency").asText()))
          .value("RevenueMinor", data.get("amount").asLong())
          .emit();
    }
  }
}
