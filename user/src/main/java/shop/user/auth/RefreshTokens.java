package shop.user.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where refresh tokens are kept, by hash, in families: a login starts a family and each refresh
 * adds the next token to it (port).
 */
public interface RefreshTokens {

  /** Starts a new family with its first token. */
  void startFamily(UUID familyId, UUID userId, String tokenHash, Instant expiresAt, Instant now);

  Optional<Stored> find(String tokenHash);

  /**
   * Marks the token used if it was not; false when it already was (another refresh got there first,
   * or the token was stolen and replayed).
   */
  boolean markUsed(String tokenHash, Instant now);

  /** Adds the next token to a family that is not revoked; false when it is revoked. */
  boolean addToFamily(UUID familyId, UUID userId, String tokenHash, Instant expiresAt, Instant now);

  /** Revokes every token of the family, now and later. */
  void revokeFamily(UUID familyId, Instant now);

  /**
   * One stored refresh token.
   *
   * @param usedAt when it was exchanged, or null
   * @param familyRevoked whether its family was revoked (logout or theft detection)
   */
  record Stored(
      UUID familyId, UUID userId, Instant expiresAt, Instant usedAt, boolean familyRevoked) {}
}
