package shop.platform.auth;

import com.auth0.jwk.JwkException;
import com.auth0.jwk.JwkProvider;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.jwk.JwksHttpResponse;
import com.auth0.jwk.NetworkException;
import com.auth0.jwk.SigningKeyNotFoundException;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import shop.platform.config.Config;
import shop.platform.http.ProblemException;
import shop.platform.observability.RequestLog;
import shop.platform.snapstart.Priming;

/**
 * Verifies the access tokens the user service issues: RS256 only (so {@code none} and
 * HS256-with-the-public-key are refused), key chosen by {@code kid} from a JWKS URL or configured
 * keys, issuer, audience, expiry and not-before with a small leeway. Any failure is a 401 problem;
 * the reason is kept short and never echoes the token.
 */
public final class JwtVerifier {
  public static final String ALGORITHM = "RS256";
  public static final Duration LEEWAY = Duration.ofSeconds(30);
  private static final long PRIMING_SEED = 20261124L;
  private static final String PRIMING_KEY_ID = "priming";

  private final JWTVerifier verifier;
  private final PrimingKeys primingKeys;
  private final String issuer;
  private final String audience;
  // Held here: the CRaC context keeps a primer only as long as its owner does.
  private final Priming.Primer primer;

  public JwtVerifier(KeyLookup keys, String issuer, String audience) {
    this(keys, (kid, key) -> found -> kid.equals(found) ? key : null, issuer, audience);
  }

  private JwtVerifier(KeyLookup keys, PrimingKeys primingKeys, String issuer, String audience) {
    this.verifier = verifier(Algorithm.RSA256(new PublicKeysOnly(keys)), issuer, audience);
    this.primingKeys = primingKeys;
    this.issuer = issuer;
    this.audience = audience;
    this.primer = Priming.register("jwt verifier", this::prime);
  }

  private static JWTVerifier verifier(Algorithm algorithm, String issuer, String audience) {
    return JWT.require(algorithm)
        .withIssuer(issuer)
        .withAudience(audience)
        .withClaimPresence("sub")
        .withClaimPresence("exp")
        .acceptLeeway(LEEWAY.toSeconds())
        .build();
  }

  /**
   * Before a SnapStart snapshot: signs a token with a throwaway key and verifies it as a request's
   * token is verified (the key looked up by its {@code kid}, signature, claims, the caller), so
   * that the JWT library, the RSA signature and JSON decoding are loaded and run once. The key is
   * looked up as the real keys are, but never among them: a verifier of a JWKS URL asks a provider
   * built as its own is (cache, rate limit, JWKS parsing) that reads the throwaway key's JWKS
   * document from memory, and then drops it. The real keys are fetched on the first request, as
   * without priming: keys in a snapshot could be stale by the time it is restored, and the
   * throwaway key, whose seed is in this file, must never be one a request's token is verified
   * with.
   */
  void prime() {
    KeyPair pair = primingKeyPair();
    Algorithm throwaway =
        Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    Instant now = Instant.now();
    String token =
        JWT.create()
            .withKeyId(PRIMING_KEY_ID)
            .withIssuer(issuer)
            .withAudience(audience)
            .withSubject("priming")
            .withClaim("email", "priming@example.com")
            .withClaim("roles", List.of("customer"))
            .withClaim("amr", List.of(Caller.PASSWORD))
            .withIssuedAt(now)
            .withExpiresAt(now.plus(Duration.ofMinutes(1)))
            .sign(throwaway);
    KeyLookup lookup = primingKeys.serving(PRIMING_KEY_ID, (RSAPublicKey) pair.getPublic());
    caller(verifier(Algorithm.RSA256(new PublicKeysOnly(lookup)), issuer, audience).verify(token));
  }

  /** Priming's throwaway key pair, the same in every run. */
  static KeyPair primingKeyPair() {
    try {
      // From a fixed seed: priming draws no entropy that the snapshot would freeze and every
      // restored copy of it would then share.
      SecureRandom fixed = SecureRandom.getInstance("SHA1PRNG");
      fixed.setSeed(PRIMING_SEED);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, fixed);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no RSA or SHA1PRNG", e);
    }
  }

  /**
   * From config: {@code JWT_ISSUER}, {@code JWT_AUDIENCE} and {@code JWKS_URL}. The keys are
   * fetched on the first request, not at cold start, and cached; an unknown {@code kid} triggers a
   * rate-limited refetch (key rotation).
   */
  public static JwtVerifier fromConfig(Config config) {
    return fromJwks(
        config.require("JWKS_URL"), config.require("JWT_ISSUER"), config.require("JWT_AUDIENCE"));
  }

  public static JwtVerifier fromJwks(String jwksUrl, String issuer, String audience) {
    URL url;
    try {
      url = URI.create(jwksUrl).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("JWKS_URL is not a URL: " + jwksUrl, e);
    }
    JwkProvider provider = jwks(new JwkProviderBuilder(url));
    PrimingKeys offline =
        (kid, key) -> {
          JwkProvider throwaway =
              jwks(
                  new JwkProviderBuilder(url)
                      .httpClient(ignored -> new JwksHttpResponse(jwksDocument(kid, key))));
          return found -> jwksKey(throwaway, found);
        };
    return new JwtVerifier(kid -> jwksKey(provider, kid), offline, issuer, audience);
  }

  /** The keys of a JWKS URL: cached, and refetched for an unknown {@code kid} at a limited rate. */
  private static JwkProvider jwks(JwkProviderBuilder builder) {
    return builder
        .cached(10, 15, TimeUnit.MINUTES)
        .rateLimited(10, 1, TimeUnit.MINUTES)
        .timeouts(2000, 2000)
        .build();
  }

  /** A JWKS document holding {@code key} alone, as the user service publishes its keys. */
  private static String jwksDocument(String kid, RSAPublicKey key) {
    return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\""
        + ALGORITHM
        + "\",\"kid\":\""
        + kid
        + "\",\"n\":\""
        + Base64UrlUInt.encode(key.getModulus())
        + "\",\"e\":\""
        + Base64UrlUInt.encode(key.getPublicExponent())
        + "\"}]}";
  }

  public static JwtVerifier fromKeys(
      Map<String, RSAPublicKey> keys, String issuer, String audience) {
    Map<String, RSAPublicKey> copy = Map.copyOf(keys);
    return new JwtVerifier(copy::get, issuer, audience);
  }

  /** The caller named by {@code token}; a 401 problem when the token is not valid for us. */
  public Caller verify(String token) {
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (TokenExpiredException e) {
      throw ProblemException.unauthorized("the token has expired");
    } catch (AlgorithmMismatchException e) {
      throw ProblemException.unauthorized("the token must be signed with " + ALGORITHM);
    } catch (MissingClaimException | IncorrectClaimException e) {
      throw ProblemException.unauthorized("the token is not valid here: " + e.getMessage());
    } catch (JWTVerificationException e) {
      throw ProblemException.unauthorized("the token is not valid");
    }
    Caller caller = caller(jwt);
    RequestLog.user(caller.userId());
    return caller;
  }

  private static Caller caller(DecodedJWT jwt) {
    return new Caller(
        jwt.getSubject(),
        string(jwt.getClaim("email")),
        string(jwt.getClaim("name")),
        string(jwt.getClaim("phone")),
        Boolean.TRUE.equals(jwt.getClaim("smsOptIn").asBoolean()),
        strings(jwt.getClaim("roles")),
        string(jwt.getClaim("stripeCustomerId")),
        strings(jwt.getClaim("amr")));
  }

  private static String string(Claim claim) {
    return claim.isMissing() || claim.isNull() ? null : claim.asString();
  }

  private static Set<String> strings(Claim claim) {
    if (claim.isMissing() || claim.isNull()) {
      return Set.of();
    }
    List<String> list = claim.asList(String.class);
    return list == null ? Set.of() : new HashSet<>(list);
  }

  private static RSAPublicKey jwksKey(JwkProvider provider, String kid) {
    if (kid == null) {
      return null;
    }
    try {
      return (RSAPublicKey) provider.get(kid).getPublicKey();
    } catch (NetworkException e) {
      throw ProblemException.unavailable("the signing keys cannot be fetched right now");
    } catch (SigningKeyNotFoundException e) {
      return null;
    } catch (JwkException | ClassCastException e) {
      return null;
    }
  }

  /**
   * How priming looks up its throwaway key {@code key}, named {@code kid}: as the real keys are.
   */
  @FunctionalInterface
  private interface PrimingKeys {
    KeyLookup serving(String kid, RSAPublicKey key);
  }

  /** Finds the public key for a {@code kid}; null when there is none. */
  @FunctionalInterface
  public interface KeyLookup {
    RSAPublicKey find(String kid);
  }

  private record PublicKeysOnly(KeyLookup keys) implements RSAKeyProvider {
    @Override
    public RSAPublicKey getPublicKeyById(String keyId) {
      return keys.find(keyId);
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
      return null;
    }

    @Override
    public String getPrivateKeyId() {
      return null;
    }
  }
}
