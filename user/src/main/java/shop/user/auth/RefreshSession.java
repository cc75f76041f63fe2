package shop.user.auth;

import java.time.Instant;
import java.util.Optional;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.account.SecurityEvents;

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
  private final SecurityEvents security;

  public RefreshSession(
      Accounts accounts,
      RefreshTokens refreshTokens,
      SessionIssuer sessions,
      SecurityEvents security) {
    this.accounts = accounts;
    this.refreshTokens = refreshTokens;
    this.sessions = sessions;
    this.security = security;
  }

  /** {@code source} is the caller's address, for the security log. */
  public Session refresh(String refreshToken, String source) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new UnauthenticatedException(INVALID);
    }
    Instant now = sessions.now();
    String hash = RefreshToken.hashOf(refreshToken);
    RefreshTokens.Stored stored =
        refreshTokens.find(hash).orElseThrow(() -> new UnauthenticatedException(INVALID));
    if (stored.familyRevoked() || !stored.expiresAt().isAfter(now)) {
      throw new UnauthenticatedException(INVALID);
    }
    if (stored.usedAt() != null || !refreshTokens.markUsed(hash, now)) {
      refreshTokens.revokeFamily(stored.familyId(), now);
      security.record(
          new SecurityEvent(Kind.REFRESH_TOKEN_REUSED, stored.userId(), source, "family revoked"));
      throw new UnauthenticatedException(INVALID);
    }
    Optional<Account> account = accounts.byId(stored.userId());
    if (account.isEmpty()) {
      refreshTokens.revokeFamily(stored.familyId(), now);
      throw new UnauthenticatedException(INVALID);
    }
    Session session = sessions.continueFamily(stored, account.get());
    if (session == null) {
      throw new UnauthenticatedException(INVALID);
    }
    return session;
  }
}
