package shop.user.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Tokens mailed to an account's address, each good for one use and one purpose (port). They are
 * issued by {@link AccountMail}, which stores a token with the mail that carries it.
 */
public interface OneTimeTokens {

  /**
   * Uses the token if it exists for {@code purpose}, is unused and has not expired, in one atomic
   * step (two racing uses cannot both succeed): the account it was issued for, or empty.
   */
  Optional<UUID> redeem(String tokenHash, Purpose purpose, Instant now);

  /** What a token proves, and for how long. */
  enum Purpose {
    VERIFY_EMAIL(Duration.ofHours(24)),
    RESET_PASSWORD(Duration.ofMinutes(30));

    private final Duration lifetime;

    Purpose(Duration lifetime) {
      this.lifetime = lifetime;
    }

    public Duration lifetime() {
      return lifetime;
    }
  }
}
