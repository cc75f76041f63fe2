package shop.user.auth;

import java.time.Duration;

/**
 * How long a session lives. An access token lives {@code accessToken}. A refresh token family (one
 * login) ends {@code lifetime} after the login however often it is refreshed, and earlier when it
 * goes unused for {@code idleTimeout}: a stolen refresh token is worth days, not forever.
 */
public record SessionLimits(Duration accessToken, Duration lifetime, Duration idleTimeout) {
  public static final SessionLimits DEFAULT =
      new SessionLimits(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(7));

  public SessionLimits {
    if (!accessToken.isPositive() || !lifetime.isPositive() || !idleTimeout.isPositive()) {
      throw new IllegalArgumentException("session limits must be positive");
    }
  }
}
