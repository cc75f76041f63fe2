package shop.events;

import java.time.Instant;
import java.util.List;

/**
 * At least one line of an order could not be reserved; nothing stays reserved. Transaction cancels
 * the order.
 */
public record InventoryRejected(String orderId, List<Rejection> rejections, Instant rejectedAt)
    implements ShopEvent {

  /**
   * Why one line was refused.
   *
   * @param reason OUT_OF_STOCK, UNKNOWN_PRODUCT or ARCHIVED
   */
  public record Rejection(String productId, int requested, int available, String reason) {}

  @Override
  public String subject() {
    return orderId;
  }
}
