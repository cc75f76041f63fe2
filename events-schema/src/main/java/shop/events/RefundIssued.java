package shop.events;

import java.time.Instant;
import java.util.List;

/**
 * Money of a paid order went back to the customer through the payment provider, in part or in full.
 * Notification tells the customer how much.
 *
 * @param refundId the refund's id, unique in the shop
 * @param amount what went back, minor units of {@code currency}
 * @param reason RETURN (a received return) or a staff member's words
 * @param lines the returned lines the refund pays for; empty for a refund of an amount
 */
public record RefundIssued(
    String orderId,
    String userId,
    Customer customer,
    String refundId,
    long amount,
    String currency,
    String reason,
    List<StockLine> lines,
    Instant issuedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
