package shop.user.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import shop.user.auth.AccessClaims;
import shop.user.auth.AccessTokens;

/** Unsigned stand-in access tokens that say whom they are for; keeps the claims it was given. */
public final class FakeTokens implements AccessTokens {
  public final List<AccessClaims> issued = new ArrayList<>();

  @Override
  public synchronized String issue(AccessClaims claims, Instant issuedAt, Instant expiresAt) {
    issued.add(claims);
    return "access-for-" + claims.userId() + "-until-" + expiresAt;
  }

  /** The claims of the last token issued. */
  public synchronized AccessClaims last() {
    return issued.getLast();
  }
}
