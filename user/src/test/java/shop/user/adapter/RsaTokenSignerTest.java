package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.auth.Caller;
import shop.platform.auth.JwtVerifier;
import shop.platform.http.ProblemException;
import shop.user.auth.AccessClaims;

/** What the user service issues is what every other service's JwtVerifier accepts. */
class RsaTokenSignerTest {
  private static final String ISSUER = "https://shop.test/user";
  private static final String AUDIENCE = "shop-api";
  private static final SigningKeyRing OLD =
      SigningKeyRing.parse(SigningKeyRing.newSecretJson("old"));
  private static final SigningKeyRing NEW =
      SigningKeyRing.parse(SigningKeyRing.newSecretJson("new"));

  private final UUID userId = UUID.randomUUID();
  private final AccessClaims claims =
      new AccessClaims(
          userId,
          "ada@example.com",
          "Ada",
          "+447700900123",
          true,
          Set.of("customer", "catalog"),
          "cus_1",
          Set.of("pwd", "otp"));

  @Test
  void issuesRs256TokensWithKidAndEveryClaimTheVerifierReads() throws Exception {
    RsaTokenSigner signer = signer(NEW);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    String token = signer.issue(claims, now, now.plus(Duration.ofMinutes(15)));

    DecodedJWT jwt = JWT.decode(token);
    assertThat(jwt.getAlgorithm()).isEqualTo("RS256");
    assertThat(jwt.getKeyId()).isEqualTo("new");
    assertThat(jwt.getIssuer()).isEqualTo(ISSUER);
    assertThat(jwt.getAudience()).containsExactly(AUDIENCE);
    assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(now);
    assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(now.plus(Duration.ofMinutes(15)));
    assertThat(jwt.getId()).isNotBlank();

    Caller caller = viaJwks(signer).verify(token);
    assertThat(caller.userId()).isEqualTo(userId.toString());
    assertThat(caller.email()).isEqualTo("ada@example.com");
    assertThat(caller.name()).isEqualTo("Ada");
    assertThat(caller.phone()).isEqualTo("+447700900123");
    assertThat(caller.roles()).containsExactlyInAnyOrder("customer", "catalog");
    assertThat(caller.amr()).containsExactlyInAnyOrder("pwd", "otp");
    assertThat(caller.actsAs("catalog")).isTrue();
    assertThat(caller.stripeCustomerId()).isEqualTo("cus_1");
  }

  @Test
  void afterRotationTokensSignedWithTheOldKeyStillVerify() throws Exception {
    Instant now = Instant.now();
    String oldToken = signer(OLD).issue(claims, now, now.plusSeconds(900));
    RsaTokenSigner rotated = signer(rotatedRing());

    assertThat(rotated.publicKeys())
        .extracting(k -> k.kid())
        .containsExactlyInAnyOrder("new", "old");
    assertThat(JWT.decode(rotated.issue(claims, now, now.plusSeconds(900))).getKeyId())
        .isEqualTo("new");
    assertThat(viaJwks(rotated).verify(oldToken).userId()).isEqualTo(userId.toString());
  }

  @Test
  void aTokenFromAKeyThatIsNotPublishedIsRefused() throws Exception {
    Instant now = Instant.now();
    String token = signer(OLD).issue(claims, now, now.plusSeconds(900));

    assertThatThrownBy(() -> viaJwks(signer(NEW)).verify(token))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
  }

  @Test
  void aSecretWithoutExactlyOneActiveKeyIsRefusedWithoutEchoingKeyMaterial() {
    assertThatThrownBy(() -> SigningKeyRing.parse("{\"keys\":[]}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                SigningKeyRing.parse(
                    "{\"keys\":[{\"kid\":\"k\",\"active\":true,\"privateKeyPem\":\"c2VjcmV0\"}]}"))
        .hasMessageNotContaining("c2VjcmV0");
  }

  private static RsaTokenSigner signer(SigningKeyRing ring) {
    return new RsaTokenSigner(() -> ring, kid -> ring, ISSUER, AUDIENCE);
  }

  private static SigningKeyRing rotatedRing() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode secret = (ObjectNode) json.readTree(SigningKeyRing.newSecretJson("new"));
    ObjectNode old = (ObjectNode) json.readTree(pemSecret(OLD)).get("keys").get(0);
    old.put("active", false);
    ((ArrayNode) secret.get("keys")).add(old);
    // Keep the very same old key, so tokens it signed verify.
    return SigningKeyRing.parse(json.writeValueAsString(secret));
  }

  private static String pemSecret(SigningKeyRing ring) {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder()
                .encodeToString(ring.active().privateKey().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    return "{\"keys\":[{\"kid\":\""
        + ring.active().kid()
        + "\",\"active\":true,\"privateKeyPem\":\""
        + pem.replace("\r", "").replace("\n", "\\n")
        + "\"}]}";
  }

  /** A verifier built exactly like other services build theirs: from a JWKS URL. */
  private static JwtVerifier viaJwks(RsaTokenSigner signer) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Map<String, String>> keys =
        signer.publicKeys().stream()
            .map(
                k ->
                    Map.of(
                        "kty",
                        "RSA",
                        "use",
                        "sig",
                        "alg",
                        "RS256",
                        "kid",
                        k.kid(),
                        "n",
                        k.modulus(),
                        "e",
                        k.exponent()))
            .toList();
    byte[] body = json.writeValueAsBytes(Map.of("keys", keys));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    JwtVerifier verifier =
        JwtVerifier.fromJwks(
            "http://localhost:" + server.getAddress().getPort() + "/.well-known/jwks.json",
            ISSUER,
            AUDIENCE);
    // The JWKS provider fetches lazily; the server stays up until the test JVM ends (cheap).
    assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"kid\"");
    return verifier;
  }
}
