package shop.events;

import java.time.Instant;
import java.util.List;

/**
 * Some or all of a paid order left the warehouse in one parcel. Notification tells the customer how
 * to follow it.
 *
 * @param shipmentId the parcel's id, unique in the shop
 * @param lines what the parcel holds
 * @param trackingUrl where the customer follows the parcel, or null when the carrier gave none
 * @param complete true when nothing of the order is left to ship (the order is SHIPPED)
 */
public record OrderShipped(
    String orderId,
    String userId,
    Customer customer,
    String shipmentId,
    List<StockLine> lines,
    String carrier,
    String trackingNumber,
    String trackingUrl,
    boolean complete,
    Instant shippedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
