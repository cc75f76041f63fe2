package shop.events;

import java.time.Instant;

/**
 * The payment was declined or failed for good; an OrderCancelled follows.
 *
 * @param reason a sentence a customer can read
 * @param declineCode the provider's decline code, or null
 */
public record PaymentFailed(
    String orderId,
    String userId,
    Customer customer,
    String reason,
    String declineCode,
    long amount,
    String currency,
    Instant failedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
