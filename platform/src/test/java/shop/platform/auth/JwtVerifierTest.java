package shop.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.config.MissingConfigException;
import shop.platform.http.ProblemException;
import shop.platform.testing.TestTokens;

/** The security suite of token verification: each forged or stale token is a 401. */
class JwtVerifierTest {
  private final JwtVerifier verifier = TestTokens.verifier();

  @Test
  void primingVerifiesAThrowawayTokenWithoutLookingUpAKey() {
    JwtVerifier offline =
        new JwtVerifier(
            kid -> {
              throw new AssertionError("priming looked up key " + kid);
            },
            TestTokens.ISSUER,
            TestTokens.AUDIENCE);

    offline.prime();
  }

  @Test
  void acceptsAValidTokenAndReadsItsClaims() {
    Caller caller =
        verifier.verify(
            TestTokens.sign(
                TestTokens.claims("u-1")
                    .withClaim("phone", "+447700900123")
                    .withClaim("smsOptIn", true)
                    .withClaim("stripeCustomerId", "cus_1")
                    .withArrayClaim("roles", new String[] {"customer", "catalog"})
                    .withArrayClaim("amr", new String[] {"pwd", "otp"})));

    assertThat(caller.userId()).isEqualTo("u-1");
    assertThat(caller.email()).isEqualTo("u-1@example.com");
    assertThat(caller.phone()).isEqualTo("+447700900123");
    assertThat(caller.smsOptIn()).isTrue();
    assertThat(caller.stripeCustomerId()).isEqualTo("cus_1");
    assertThat(caller.roles()).containsExactlyInAnyOrder("customer", "catalog");
    assertThat(caller.amr()).containsExactlyInAnyOrder("pwd", "otp");
    assertThat(caller.actsAs(Caller.CATALOG)).isTrue();
    assertThat(caller.actsAs(Caller.ORDERS)).isFalse();
  }

  @Test
  void aRoleWithoutTheSecondFactorDoesNotActAsStaff() {
    Caller caller =
        verifier.verify(
            TestTokens.sign(
                TestTokens.claims("u-1")
                    .withArrayClaim("roles", new String[] {"customer", "catalog"})));

    assertThat(caller.amr()).containsExactly("pwd");
    assertThat(caller.hasRole(Caller.CATALOG)).isTrue();
    assertThat(caller.actsAs(Caller.CATALOG)).isFalse();
    assertThat(caller.mayAccess("someone-else", Caller.CATALOG)).isFalse();
    assertThat(caller.mayAccess("u-1", Caller.CATALOG)).isTrue();
  }

  @Test
  void rejectsAlgNone() {
    String token = TestTokens.claims("u-1").sign(Algorithm.none());

    assertUnauthorized(token);
  }

  @Test
  void rejectsHs256SignedWithThePublicKey() {
    String token =
        TestTokens.claims("u-1").sign(Algorithm.HMAC256(TestTokens.publicKey().getEncoded()));

    assertUnauthorized(token);
  }

  @Test
  void rejectsAnExpiredToken() {
    Instant past = Instant.now().minus(Duration.ofHours(1));
    assertUnauthorized(
        TestTokens.sign(
            TestTokens.claims("u-1").withIssuedAt(past).withExpiresAt(past.plusSeconds(60))));
  }

  @Test
  void acceptsATokenExpiredWithinTheLeeway() {
    Instant justNow = Instant.now().minusSeconds(5);
    String token = TestTokens.sign(TestTokens.claims("u-1").withExpiresAt(justNow));

    assertThat(verifier.verify(token).userId()).isEqualTo("u-1");
  }

  @Test
  void rejectsATokenNotYetValid() {
    assertUnauthorized(
        TestTokens.sign(
            TestTokens.claims("u-1").withNotBefore(Instant.now().plus(Duration.ofHours(1)))));
  }

  @Test
  void rejectsATokenWithoutExpiry() {
    assertUnauthorized(
        TestTokens.sign(
            JWT.create()
                .withKeyId(TestTokens.KEY_ID)
                .withIssuer(TestTokens.ISSUER)
                .withAudience(TestTokens.AUDIENCE)
                .withSubject("u-1")));
  }

  @Test
  void rejectsAWrongIssuer() {
    assertUnauthorized(
        TestTokens.sign(TestTokens.claims("u-1").withIssuer("https://evil.example")));
  }

  @Test
  void rejectsAWrongAudience() {
    assertUnauthorized(TestTokens.sign(TestTokens.claims("u-1").withAudience("another-api")));
  }

  @Test
  void rejectsATamperedPayload() {
    String[] parts = TestTokens.customer("u-1").split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                payload.replace("\"customer\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));

    assertUnauthorized(parts[0] + "." + forged + "." + parts[2]);
  }

  @Test
  void rejectsAnUnknownKeyId() {
    assertUnauthorized(TestTokens.sign(TestTokens.claims("u-1").withKeyId("other-key")));
  }

  @Test
  void rejectsGarbage() {
    assertUnauthorized("not.a.jwt");
    assertUnauthorized("");
  }

  @Test
  void fetchesKeysFromAJwksUrl() throws Exception {
    try (JwksServer server = new JwksServer()) {
      JwtVerifier remote =
          JwtVerifier.fromJwks(server.url(), TestTokens.ISSUER, TestTokens.AUDIENCE);

      assertThat(remote.verify(TestTokens.customer("u-9")).userId()).isEqualTo("u-9");
      assertThatThrownBy(
              () -> remote.verify(TestTokens.sign(TestTokens.claims("u-9").withKeyId("gone"))))
          .isInstanceOf(ProblemException.class);
    }
  }

  @Test
  void primingAJwksVerifierFetchesNothingAndTheFirstRequestFetchesTheRealKeys() throws Exception {
    try (JwksServer server = new JwksServer()) {
      JwtVerifier remote =
          JwtVerifier.fromJwks(server.url(), TestTokens.ISSUER, TestTokens.AUDIENCE);

      remote.prime();
      assertThat(server.fetches()).isZero();

      assertThat(remote.verify(TestTokens.customer("u-9")).userId()).isEqualTo("u-9");
      assertThat(server.fetches()).isEqualTo(1);
    }
  }

  @Test
  void theThrowawayKeyOfPrimingNeverVerifiesARequestsToken() throws Exception {
    KeyPair throwaway = JwtVerifier.primingKeyPair();
    String forged =
        TestTokens.claims("u-9")
            .withKeyId("priming")
            .sign(
                Algorithm.RSA256(
                    (RSAPublicKey) throwaway.getPublic(), (RSAPrivateKey) throwaway.getPrivate()));
    try (JwksServer server = new JwksServer()) {
      JwtVerifier remote =
          JwtVerifier.fromJwks(server.url(), TestTokens.ISSUER, TestTokens.AUDIENCE);

      remote.prime();

      assertThatThrownBy(() -> remote.verify(forged))
          .isInstanceOfSatisfying(
              ProblemException.class, p -> assertThat(p.problem().status()).isEqualTo(401));
    }
    JwtVerifier configured = TestTokens.verifier();
    configured.prime();
    assertThatThrownBy(() -> configured.verify(forged)).isInstanceOf(ProblemException.class);
  }

  @Test
  void theVerifiedCallerJoinsTheRequestsLogContext() {
    ThreadContext.clearMap();
    try {
      verifier.verify(TestTokens.customer("u-7"));

      assertThat(ThreadContext.get("userId")).isEqualTo("u-7");
    } finally {
      ThreadContext.clearMap();
    }
  }

  @Test
  void fromConfigNeedsTheKeysUrlIssuerAndAudience() {
    assertThatThrownBy(
            () -> JwtVerifier.fromConfig(new Config(Map.of("JWT_ISSUER", TestTokens.ISSUER))))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("JWKS_URL");
    // Keys are fetched on the first token that needs one: garbage is refused without them.
    JwtVerifier configured =
        JwtVerifier.fromConfig(
            new Config(
                Map.of(
                    "JWKS_URL", "http://127.0.0.1:9/.well-known/jwks.json",
                    "JWT_ISSUER", TestTokens.ISSUER,
                    "JWT_AUDIENCE", TestTokens.AUDIENCE)));
    assertThatThrownBy(() -> configured.verify("not.a.jwt"))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.problem().status()).isEqualTo(401));
  }

  private void assertUnauthorized(String token) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.problem().status()).isEqualTo(401));
  }

  private static String base64Url(byte[] bytes) {
    int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] unsigned = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
  }

  /** The user service's JWKS endpoint, serving the test key and counting its fetches. */
  private static final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();

    JwksServer() throws IOException {
      String n = base64Url(TestTokens.publicKey().getModulus().toByteArray());
      String e = base64Url(TestTokens.publicKey().getPublicExponent().toByteArray());
      byte[] jwks =
          ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
                  + TestTokens.KEY_ID
                  + "\",\"n\":\""
                  + n
                  + "\",\"e\":\""
                  + e
                  + "\"}]}")
              .getBytes(StandardCharsets.UTF_8);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    int fetches() {
      return fetches.get();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
