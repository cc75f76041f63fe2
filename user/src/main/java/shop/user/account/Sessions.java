package shop.user.account;

import java.time.Instant;
import java.util.UUID;

/** An account's sessions, as far as the account's own rules need them (port). */
public interface Sessions {

  /** Ends every session of the user: each refresh token family is revoked. */
  void endAll(UUID userId, Instant now);
}
