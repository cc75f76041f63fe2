package shop.events;

import java.time.Instant;

/**
 * The order's payment succeeded: the order is paid. Notification confirms it; product turns
 * reservations into sales.
 */
public record PaymentCaptured(
    String orderId,
    String userId,
    Customer customer,
    String paymentIntentId,
    long amount,
    String currency,
    Instant capturedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
