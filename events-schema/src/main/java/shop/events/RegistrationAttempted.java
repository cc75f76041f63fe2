package shop.events;

import java.time.Instant;

/**
 * Someone tried to register an address that already has an account ({@code userId}). Registration
 * answers them as if the address were free, so that it reveals no account; notification tells the
 * owner instead.
 */
public record RegistrationAttempted(String userId, String email, String name, Instant attemptedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return userId;
  }
}
