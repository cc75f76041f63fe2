package shop.events;

import java.time.Instant;

/**
 * The payment provider needs the customer (for example 3-D Secure) before it can charge the order.
 *
 * @param actionUrl where the customer completes the payment, or null when the provider gave none
 */
public record PaymentActionRequired(
    String orderId,
    String userId,
    Customer customer,
    String paymentIntentId,
    String actionUrl,
    long amount,
    String currency,
    Instant requestedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
