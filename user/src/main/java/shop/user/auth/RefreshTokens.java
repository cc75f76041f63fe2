package shop.user.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import shop.user.account.Sessions;

/**
 * Where refresh tokens are kept, by hash, in families: a login starts a family and each refresh
 * adds the next token to it (port). Ending all of a user's sessions revokes all their families.
 */
public interface RefreshTokens extends Sessions {

  /**
   * Starts a new family, which ends at {@code familyExpiresAt}, with its first token; {@code amr}
   * is how its login proved who the user is, which every refresh of the family keeps.
   */
  void startFamily(
      UUID familyId,
      UUID userId,
      Set<String> amr,
      String tokenHash,
      Instant familyExpiresAt,
      Instant tokenExpiresAt,
      Instant now);

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
   * @param familyExpiresAt the family's absolute end, which no refresh extends
   * @param amr the authentication methods of the family's login
   */
  record Stored(
      UUID familyId,
      UUID userId,
      Instant expiresAt,
      Instant usedAt,
      boolean familyRevoked,
      Instant familyExpiresAt,
      Set<String> amr) {
    public Stored {
      amr = Set.copyOf(amr);
    }
  }
}
