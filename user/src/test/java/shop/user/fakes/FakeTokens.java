package shop.user.fakes;

import java.time.Instant;
import shop.user.auth.AccessClaims;
import shop.user.auth.AccessTokens;

/** Unsigned stand-in access tokens that say whom they are for. */
public final class FakeTokens implements AccessTokens {
  @Override
  public String issue(AccessClaims claims, Instant issuedAt, Instant expiresAt) {
    return "access-for-" + claims.userId() + "-until-" + expiresAt;
  }
}
