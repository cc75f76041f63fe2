package shop.user.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import shop.user.account.Account;

/**
 * Issues the access token and the next refresh token of a family, within the {@link SessionLimits}:
 * shared by login, refresh and the password changes that start a new session.
 */
public final class SessionIssuer {
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final SessionLimits limits;
  private final Clock clock;

  public SessionIssuer(
      AccessTokens accessTokens, RefreshTokens refreshTokens, SessionLimits limits, Clock clock) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.limits = limits;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** A new family: a login that proved {@code amr} ({@link AccessClaims#PASSWORD}, ...). */
  public Session startFamily(Account account, Set<String> amr) {
    Instant now = clock.instant();
    Instant familyExpiresAt = now.plus(limits.lifetime());
    RefreshToken refresh = RefreshToken.generate();
    refreshTokens.startFamily(
        UUID.randomUUID(),
        account.id(),
        amr,
        refresh.hash(),
        familyExpiresAt,
        tokenExpiry(familyExpiresAt, now),
        now);
    return session(account, amr, refresh, now);
  }

  /** The family's next token, never outliving the family; null when it was revoked meanwhile. */
  Session continueFamily(RefreshTokens.Stored family, Account account) {
    Instant now = clock.instant();
    RefreshToken refresh = RefreshToken.generate();
    boolean added =
        refreshTokens.addToFamily(
            family.familyId(),
            account.id(),
            refresh.hash(),
            tokenExpiry(family.familyExpiresAt(), now),
            now);
    return added ? session(account, family.amr(), refresh, now) : null;
  }

  // Each token lives the idle timeout, so an unused family dies with its last token; none lives
  // past the family's end.
  private Instant tokenExpiry(Instant familyExpiresAt, Instant now) {
    Instant idle = now.plus(limits.idleTimeout());
    return idle.isBefore(familyExpiresAt) ? idle : familyExpiresAt;
  }

  private Session session(Account account, Set<String> amr, RefreshToken refresh, Instant now) {
    String access =
        accessTokens.issue(AccessClaims.of(account, amr), now, now.plus(limits.accessToken()));
    return new Session(access, refresh.value(), limits.accessToken().toSeconds());
  }
}
