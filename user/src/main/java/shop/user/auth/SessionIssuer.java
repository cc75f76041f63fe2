package shop.user.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import shop.user.account.Account;

/** Issues the access token and the next refresh token of a family: shared by login and refresh. */
final class SessionIssuer {
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final Clock clock;

  SessionIssuer(AccessTokens accessTokens, RefreshTokens refreshTokens, Clock clock) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.clock = clock;
  }

  Session startFamily(Account account) {
    Instant now = clock.instant();
    RefreshToken refresh = RefreshToken.generate();
    refreshTokens.startFamily(
        UUID.randomUUID(),
        account.id(),
        refresh.hash(),
        now.plus(TokenPolicy.REFRESH_TOKEN_LIFETIME),
        now);
    return session(account, refresh, now);
  }

  /** Null when the family was revoked meanwhile. */
  Session continueFamily(UUID familyId, Account account) {
    Instant now = clock.instant();
    RefreshToken refresh = RefreshToken.generate();
    boolean added =
        refreshTokens.addToFamily(
            familyId,
            account.id(),
            refresh.hash(),
            now.plus(TokenPolicy.REFRESH_TOKEN_LIFETIME),
            now);
    return added ? session(account, refresh, now) : null;
  }

  private Session session(Account account, RefreshToken refresh, Instant now) {
    String access =
        accessTokens.issue(
            AccessClaims.of(account), now, now.plus(TokenPolicy.ACCESS_TOKEN_LIFETIME));
    return new Session(access, refresh.value(), TokenPolicy.ACCESS_TOKEN_LIFETIME.toSeconds());
  }
}
