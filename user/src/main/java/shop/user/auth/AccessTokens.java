package shop.user.auth;

import java.time.Instant;

/** Signs access tokens (port). */
public interface AccessTokens {

  /**
   * A signed token carrying {@code claims}, issued at {@code issuedAt}, valid until {@code
   * expiresAt}.
   */
  String issue(AccessClaims claims, Instant issuedAt, Instant expiresAt);
}
