package shop.events;

import java.time.Instant;
import java.util.List;

/**
 * An order was placed and is waiting for stock. Product reserves stock from it; notification
 * confirms receipt.
 *
 * @param total sum of the lines in minor units of {@code currency}
 * @param paymentMethodId the saved payment method the order will be charged to
 * @param stripeCustomerId the customer's Stripe customer, or null
 */
public record OrderCreated(
    String orderId,
    String userId,
    Customer customer,
    List<OrderLine> lines,
    long total,
    String currency,
    String paymentMethodId,
    String stripeCustomerId,
    Instant createdAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
