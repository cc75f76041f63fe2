package shop.user.account;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.OneTimeTokens.Purpose;

/** Confirms an account's address with the token mailed to it; the token then is spent. */
public final class VerifyEmail {
  private static final String INVALID = "the verification link is not valid; request a new one";

  private final Accounts accounts;
  private final OneTimeTokens tokens;
  private final Clock clock;

  public VerifyEmail(Accounts accounts, OneTimeTokens tokens, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** The verified account's id; 401 when the token is unknown, used, expired or of another kind. */
  public UUID verify(String token) {
    if (token == null || token.isBlank()) {
      throw new UnauthenticatedException(INVALID);
    }
    Instant now = clock.instant();
    UUID userId =
        tokens
            .redeem(OpaqueToken.hashOf(token), Purpose.VERIFY_EMAIL, now)
            .orElseThrow(() -> new UnauthenticatedException(INVALID));
    accounts.markEmailVerified(userId, now);
    return userId;
  }
}
