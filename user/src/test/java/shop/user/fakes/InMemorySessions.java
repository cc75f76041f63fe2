package shop.user.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import shop.user.auth.LoginFailures;
import shop.user.auth.RefreshTokens;

/** Refresh token families and login failures in maps. */
public final class InMemorySessions implements RefreshTokens, LoginFailures {
  private record Token(UUID familyId, UUID userId, Instant expiresAt, Instant usedAt) {}

  private final Map<String, Token> tokens = new HashMap<>();
  private final Set<UUID> revoked = new HashSet<>();
  private final Map<UUID, List<Instant>> failures = new HashMap<>();

  @Override
  public void startFamily(UUID familyId, UUID userId, String hash, Instant expiresAt, Instant now) {
    tokens.put(hash, new Token(familyId, userId, expiresAt, null));
  }

  @Override
  public Optional<Stored> find(String hash) {
    return Optional.ofNullable(tokens.get(hash))
        .map(
            t ->
                new Stored(
                    t.familyId(),
                    t.userId(),
                    t.expiresAt(),
                    t.usedAt(),
                    revoked.contains(t.familyId())));
  }

  @Override
  public boolean markUsed(String hash, Instant now) {
    Token t = tokens.get(hash);
    if (t == null || t.usedAt() != null) {
      return false;
    }
    tokens.put(hash, new Token(t.familyId(), t.userId(), t.expiresAt(), now));
    return true;
  }

  @Override
  public boolean addToFamily(
      UUID familyId, UUID userId, String hash, Instant expiresAt, Instant now) {
    if (revoked.contains(familyId)) {
      return false;
    }
    tokens.put(hash, new Token(familyId, userId, expiresAt, null));
    return true;
  }

  @Override
  public void revokeFamily(UUID familyId, Instant now) {
    revoked.add(familyId);
  }

  public boolean isRevoked(UUID familyId) {
    return revoked.contains(familyId);
  }

  @Override
  public List<Instant> since(UUID userId, Instant since) {
    return failures.getOrDefault(userId, List.of()).stream().filter(t -> t.isAfter(since)).toList();
  }

  @Override
  public void record(UUID userId, Instant at) {
    failures.computeIfAbsent(userId, k -> new ArrayList<>()).add(at);
  }

  @Override
  public void clear(UUID userId) {
    failures.remove(userId);
  }
}
