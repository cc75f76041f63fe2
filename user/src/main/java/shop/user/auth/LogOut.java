package shop.user.auth;

import java.time.Clock;

/** Ends the session a refresh token belongs to: its whole family is revoked. */
public final class LogOut {
  private final RefreshTokens refreshTokens;
  private final Clock clock;

  public LogOut(RefreshTokens refreshTokens, Clock clock) {
    this.refreshTokens = refreshTokens;
    this.clock = clock;
  }

  /** Idempotent: an unknown or already revoked token is not an error. */
  public void logOut(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return;
    }
    refreshTokens
        .find(RefreshToken.hashOf(refreshToken))
        .ifPresent(stored -> refreshTokens.revokeFamily(stored.familyId(), clock.instant()));
  }
}
