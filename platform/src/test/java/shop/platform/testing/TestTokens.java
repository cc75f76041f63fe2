package shop.platform.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import shop.platform.auth.Caller;
import shop.platform.auth.JwtVerifier;

/** Signs access tokens like the user service does, with a key made once per test JVM. */
public final class TestTokens {
  public static final String ISSUER = "https://shop.test/user";
  public static final String AUDIENCE = "shop-api";
  public static final String KEY_ID = "test-key-1";

  private static final KeyPair KEYS = generate();

  private TestTokens() {}

  /** A verifier that trusts the test key. */
  public static JwtVerifier verifier() {
    return JwtVerifier.fromKeys(Map.of(KEY_ID, publicKey()), ISSUER, AUDIENCE);
  }

  public static RSAPublicKey publicKey() {
    return (RSAPublicKey) KEYS.getPublic();
  }

  /** A valid 15-minute customer token for {@code userId}. */
  public static String customer(String userId) {
    return sign(claims(userId));
  }

  /**
   * A valid token for {@code userId} holding every staff role, from a login with a second factor:
   * what the local cloud's seeded admin gets.
   */
  public static String admin(String userId) {
    return staff(userId, Caller.STAFF_ROLES.toArray(String[]::new));
  }

  /** A valid token for {@code userId} with {@code roles}, from a login with a second factor. */
  public static String staff(String userId, String... roles) {
    return sign(
        claims(userId)
            .withArrayClaim("roles", roles)
            .withArrayClaim("amr", new String[] {Caller.PASSWORD, Caller.ONE_TIME_CODE}));
  }

  /** A token with every staff role, but from a login with the password alone. */
  public static String adminWithoutSecondFactor(String userId) {
    return sign(
        claims(userId)
            .withArrayClaim("roles", Caller.STAFF_ROLES.toArray(String[]::new))
            .withArrayClaim("amr", new String[] {Caller.PASSWORD}));
  }

  /** The usual claims, ready to be changed by a test. */
  public static JWTCreator.Builder claims(String userId) {
    Instant now = Instant.now();
    return JWT.create()
        .withKeyId(KEY_ID)
        .withIssuer(ISSUER)
        .withAudience(AUDIENCE)
        .withSubject(userId)
        .withClaim("email", userId + "@example.com")
        .withClaim("name", "User " + userId)
        .withArrayClaim("roles", new String[] {"customer"})
        .withArrayClaim("amr", new String[] {Caller.PASSWORD})
        .withIssuedAt(now)
        .withExpiresAt(now.plus(Duration.ofMinutes(15)))
        .withJWTId(UUID.randomUUID().toString());
  }

  public static String sign(JWTCreator.Builder claims) {
    return claims.sign(Algorithm.RSA256(publicKey(), (RSAPrivateKey) KEYS.getPrivate()));
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
