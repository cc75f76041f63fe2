package shop.events;

import java.time.Instant;

/**
 * An account's owner is to confirm its address. Notification mails {@code name} at {@code email} a
 * link carrying {@code token}.
 *
 * <p>{@code token} is a one-time secret: whoever holds it before {@code expiresAt} can confirm the
 * address. Subscribers other than notification must neither log nor keep it; operator tooling shows
 * it redacted.
 */
public record EmailVerificationRequested(
    String userId, String email, String name, String token, Instant expiresAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return userId;
  }

  // The token stays out of logs and exception messages.
  @Override
  public String toString() {
    return "EmailVerificationRequested[userId=" + userId + ", expiresAt=" + expiresAt + "]";
  }
}
