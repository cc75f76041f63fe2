package shop.events;

import java.time.Instant;

/**
 * Every parcel of the order reached the customer: the order is DELIVERED and its return window
 * opens. Notification tells the customer.
 */
public record OrderDelivered(String orderId, String userId, Customer customer, Instant deliveredAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
