package shop.events;

import java.time.Instant;

/**
 * A new account exists. Notification sends the welcome email.
 *
 * @param phone E.164 number, or null
 */
public record UserRegistered(
    String userId, String email, String name, String phone, Instant registeredAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return userId;
  }
}
