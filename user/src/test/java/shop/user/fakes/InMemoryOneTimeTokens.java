package shop.user.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.user.account.OneTimeTokens;

/** One-time tokens in a map. */
public final class InMemoryOneTimeTokens implements OneTimeTokens {
  private record Issued(UUID userId, Purpose purpose, Instant expiresAt, boolean used) {}

  private final Map<String, Issued> tokens = new HashMap<>();

  /** What the account mail stores with a token (RecordingMail). */
  public synchronized void issue(
      String hash, UUID userId, Purpose purpose, Instant expiresAt, Instant now) {
    tokens.put(hash, new Issued(userId, purpose, expiresAt, false));
  }

  @Override
  public synchronized Optional<UUID> redeem(String hash, Purpose purpose, Instant now) {
    Issued t = tokens.get(hash);
    if (t == null || t.used() || t.purpose() != purpose || !t.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    tokens.put(hash, new Issued(t.userId(), t.purpose(), t.expiresAt(), true));
    return Optional.of(t.userId());
  }
}
