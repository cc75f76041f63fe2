package shop.user.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.Accounts;

/**
 * Exchanges a refresh token for a new session, rotating the refresh token. A token presented a
 * second time means two parties hold it, one of them a thief: the whole family is revoked, so both
 * have to log in again.
 */
public final class RefreshSession {
  private static final String INVALID = "the refresh token is not valid";

  private final Accounts accounts;
  private final RefreshTokens refreshTokens;
  private final SessionIssuer sessions;
  private final Clock clock;

  public RefreshSession(
      Accounts accounts, AccessTokens accessTokens, RefreshTokens refreshTokens, Clock clock) {
    this.accounts = accounts;
    this.refreshTokens = refreshTokens;
    this.sessions = new SessionIssuer(accessTokens, refreshTokens, clock);
    this.clock = clock;
  }

  public Session refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new UnauthenticatedException(INVALID);
    }
    Instant now = clock.instant();
    String hash = RefreshToken.hashOf(refreshToken);
    RefreshTokens.Stored stored =
        refreshTokens.find(hash).orElseThrow(() -> new UnauthenticatedException(INVALID));
    if (stored.familyRevoked() || !stored.expiresAt().isAfter(now)) {
      throw new UnauthenticatedException(INVALID);
    }
    if (stored.usedAt() != null || !refreshTokens.markUsed(hash, now)) {
      refreshTokens.revokeFamily(stored.familyId(), now);
      throw new UnauthenticatedException(INVALID);
    }
    Optional<Account> account = accounts.byId(stored.userId());
    if (account.isEmpty()) {
      refreshTokens.revokeFamily(stored.familyId(), now);
      throw new UnauthenticatedException(INVALID);
    }
    Session session = sessions.continueFamily(stored.familyId(), account.get());
    if (session == null) {
      throw new UnauthenticatedException(INVALID);
    }
    return session;
  }
}
