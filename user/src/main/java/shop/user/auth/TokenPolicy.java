package shop.user.auth;

import java.time.Duration;

/** How long tokens live. */
final class TokenPolicy {
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);
  public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

  private TokenPolicy() {}
}
