package shop.events;

import java.time.Instant;

/**
 * A customer's contact details or preferences changed: notification keeps the latest per customer
 * and uses them when it sends, instead of the copy an order event took from the access token that
 * placed the order. The event's {@code aggregateversion} orders changes of one customer: a consumer
 * keeps the highest.
 *
 * @param phone E.164 number, or null (no phone)
 * @param smsOptIn whether the customer agreed to receive SMS (never true without a phone)
 */
public record CustomerContactChanged(
    String userId, String email, String name, String phone, boolean smsOptIn, Instant changedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return userId;
  }
}
