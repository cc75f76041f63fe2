package shop.product.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order's request for stock, from OrderCreated. Lines of the same product are merged, so an
 * order holds each product once.
 *
 * @param sequence the sequence of the event that answers it
 */
public record ReserveOrder(String orderId, List<ReservationLine> lines, long sequence) {
  public ReserveOrder {
    if (orderId == null || orderId.isBlank()) {
      throw new IllegalArgumentException("an order id is required");
    }
    if (lines == null || lines.isEmpty()) {
      throw new IllegalArgumentException("order " + orderId + " has no lines");
    }
    Map<String, Integer> merged = new LinkedHashMap<>();
    for (ReservationLine line : lines) {
      merged.merge(line.productId(), line.quantity(), Math::addExact);
    }
    lines =
        merged.entrySet().stream().map(e -> new ReservationLine(e.getKey(), e.getValue())).toList();
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be positive");
    }
  }
}
