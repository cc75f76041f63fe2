package shop.events;

import java.time.Instant;
import java.util.List;

/** Every line of an order is reserved; transaction goes on to capture the payment. */
public record InventoryReserved(String orderId, List<StockLine> lines, Instant reservedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
