package shop.events;

import java.time.Instant;
import java.util.List;

/**
 * The customer asked to send delivered lines back; staff approve or reject it. Notification
 * confirms the request to the customer.
 *
 * @param returnId the return's id, unique in the shop
 * @param lines what the customer wants to send back
 */
public record ReturnRequested(
    String orderId,
    String userId,
    Customer customer,
    String returnId,
    List<StockLine> lines,
    String reason,
    Instant requestedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
