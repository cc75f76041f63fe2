package shop.user.adapter;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import shop.platform.auth.Base64UrlUInt;
import shop.user.auth.AccessClaims;
import shop.user.auth.AccessTokens;
import shop.user.auth.SigningKeys;

/**
 * Signs access tokens as RS256 JWTs with the active key's {@code kid} in the header, carrying the
 * claims {@link shop.platform.auth.JwtVerifier} reads: {@code sub}, {@code email}, {@code name},
 * {@code phone} and {@code stripeCustomerId} when set, {@code roles}, {@code amr}, {@code iss},
 * {@code aud}, {@code exp}, {@code iat}, {@code jti}. Publishes the public halves of all keys for
 * the JWKS.
 */
public final class RsaTokenSigner implements AccessTokens, SigningKeys {
  private final Supplier<SigningKeyRing> keys;
  private final Function<String, SigningKeyRing> keysKnowing;
  private final String issuer;
  private final String audience;

  /**
   * @param keys the current keys
   * @param keysKnowing the keys, refreshed if needed to know the given kid
   */
  public RsaTokenSigner(
      Supplier<SigningKeyRing> keys,
      Function<String, SigningKeyRing> keysKnowing,
      String issuer,
      String audience) {
    this.keys = keys;
    this.keysKnowing = keysKnowing;
    this.issuer = issuer;
    this.audience = audience;
  }

  public static RsaTokenSigner of(SecretsManagerSigningKeys keys, String issuer, String audience) {
    return new RsaTokenSigner(keys::current, keys::knowing, issuer, audience);
  }

  @Override
  public String issue(AccessClaims claims, Instant issuedAt, Instant expiresAt) {
    SigningKeyRing.SigningKey key = keys.get().active();
    JWTCreator.Builder token =
        JWT.create()
            .withKeyId(key.kid())
            .withIssuer(issuer)
            .withAudience(audience)
            .withSubject(claims.userId().toString())
            .withClaim("email", claims.email())
            .withClaim("name", claims.name())
            .withClaim("smsOptIn", claims.smsOptIn())
            .withArrayClaim("roles", claims.roles().stream().sorted().toArray(String[]::new))
            .withArrayClaim("amr", claims.amr().stream().sorted().toArray(String[]::new))
            .withIssuedAt(issuedAt)
            .withExpiresAt(expiresAt)
            .withJWTId(UUID.randomUUID().toString());
    if (claims.phone() != null) {
      token.withClaim("phone", claims.phone());
    }
    if (claims.stripeCustomerId() != null) {
      token.withClaim("stripeCustomerId", claims.stripeCustomerId());
    }
    return token.sign(Algorithm.RSA256(key.publicKey(), key.privateKey()));
  }

  @Override
  public List<PublicKey> publicKeys() {
    return keys.get().keys().stream()
        .map(
            k ->
                new PublicKey(
                    k.kid(),
                    Base64UrlUInt.encode(k.publicKey().getModulus()),
                    Base64UrlUInt.encode(k.publicKey().getPublicExponent())))
        .toList();
  }

  /** The public key with {@code kid}, or null: the lookup of this service's own verifier. */
  public RSAPublicKey publicKey(String kid) {
    if (kid == null) {
      return null;
    }
    return keysKnowing.apply(kid).find(kid).map(SigningKeyRing.SigningKey::publicKey).orElse(null);
  }
}
