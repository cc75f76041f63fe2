package shop.user.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import shop.user.auth.Lockout;
import shop.user.auth.LoginAttempts;
import shop.user.auth.RefreshTokens;

/** Refresh token families and login attempts in maps; the lockout rule applied as in SQL. */
public final class InMemorySessions implements RefreshTokens, LoginAttempts {
  private record Token(UUID familyId, UUID userId, Instant expiresAt, Instant usedAt) {}

  private record Family(UUID userId, Instant expiresAt, Set<String> amr) {}

  private record Failures(int count, Instant last) {}

  private final Lockout lockout;
  private final Map<String, Token> tokens = new HashMap<>();
  private final Map<UUID, Family> families = new HashMap<>();
  private final Set<UUID> revoked = new HashSet<>();
  private final Map<UUID, Failures> failures = new HashMap<>();

  public InMemorySessions() {
    this(Lockout.DEFAULT);
  }

  public InMemorySessions(Lockout lockout) {
    this.lockout = lockout;
  }

  @Override
  public synchronized void startFamily(
      UUID familyId,
      UUID userId,
      Set<String> amr,
      String hash,
      Instant familyExpiresAt,
      Instant tokenExpiresAt,
      Instant now) {
    families.put(familyId, new Family(userId, familyExpiresAt, amr));
    tokens.put(hash, new Token(familyId, userId, tokenExpiresAt, null));
  }

  @Override
  public synchronized Optional<Stored> find(String hash) {
    return Optional.ofNullable(tokens.get(hash))
        .map(
            t ->
                new Stored(
                    t.familyId(),
                    t.userId(),
                    t.expiresAt(),
                    t.usedAt(),
                    revoked.contains(t.familyId()),
                    families.get(t.familyId()).expiresAt(),
                    families.get(t.familyId()).amr()));
  }

  @Override
  public synchronized boolean markUsed(String hash, Instant now) {
    Token t = tokens.get(hash);
    if (t == null || t.usedAt() != null) {
      return false;
    }
    tokens.put(hash, new Token(t.familyId(), t.userId(), t.expiresAt(), now));
    return true;
  }

  @Override
  public synchronized boolean addToFamily(
      UUID familyId, UUID userId, String hash, Instant expiresAt, Instant now) {
    if (revoked.contains(familyId)) {
      return false;
    }
    tokens.put(hash, new Token(familyId, userId, expiresAt, null));
    return true;
  }

  @Override
  public synchronized void revokeFamily(UUID familyId, Instant now) {
    revoked.add(familyId);
  }

  @Override
  public synchronized void endAll(UUID userId, Instant now) {
    families.forEach(
        (id, family) -> {
          if (family.userId().equals(userId)) {
            revoked.add(id);
          }
        });
  }

  public synchronized boolean isRevoked(UUID familyId) {
    return revoked.contains(familyId);
  }

  @Override
  public synchronized OptionalInt claim(UUID userId, Instant now) {
    Failures f = failures.get(userId);
    if (f != null && lockout.isLocked(f.count(), f.last(), now)) {
      return OptionalInt.empty();
    }
    int count = (f == null ? 0 : lockout.failuresAt(f.count(), f.last(), now)) + 1;
    failures.put(userId, new Failures(count, now));
    return OptionalInt.of(count);
  }

  @Override
  public synchronized void succeeded(UUID userId) {
    failures.remove(userId);
  }

  /** The failures in a row the account has now (0 after a success). */
  public synchronized int failures(UUID userId) {
    Failures f = failures.get(userId);
    return f == null ? 0 : f.count();
  }
}
