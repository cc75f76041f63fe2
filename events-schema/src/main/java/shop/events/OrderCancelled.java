package shop.events;

import java.time.Instant;
import java.util.List;

/**
 * The order will not be fulfilled. Product releases what the order reserved; notification tells the
 * customer.
 *
 * @param reason INVENTORY_REJECTED, PAYMENT_FAILED, CUSTOMER_REQUEST, EXPIRED or STAFF_REQUEST
 * @param lines what the order asked for, so that stock can be released without a call back
 * @param refundedAmount money returned to the customer in minor units of {@code currency}; 0 when
 *     nothing was paid
 */
public record OrderCancelled(
    String orderId,
    String userId,
    Customer customer,
    String reason,
    List<StockLine> lines,
    long refundedAmount,
    String currency,
    Instant cancelledAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
