package shop.user.api;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.user.testing.UserServiceUnderTest.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.testing.ApiEvents;
import shop.user.adapter.SigningKeyRing;
import shop.user.testing.UserServiceUnderTest;

/** The security suite, through the HTTP handler. */
class SecurityIT {
  private static UserServiceUnderTest service;
  private static String adaId;

  @BeforeAll
  static void start() {
    service = UserServiceUnderTest.start();
    adaId = service.register("ada@example.com");
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void aGenuineTokenIsAccepted() {
    assertThat(me(sign(claims())).getStatusCode()).isEqualTo(200);
  }

  @Test
  void algNoneIsRefused() {
    assertUnauthorized(claims().sign(Algorithm.none()));
  }

  @Test
  void hs256SignedWithThePublicKeyIsRefused() {
    assertUnauthorized(
        claims().sign(Algorithm.HMAC256(service.keys.active().publicKey().getEncoded())));
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    assertUnauthorized(sign(claims().withIssuedAt(past).withExpiresAt(past.plusSeconds(900))));
  }

  @Test
  void aTokenNotYetValidIsRefused() {
    assertUnauthorized(sign(claims().withNotBefore(Instant.now().plus(Duration.ofHours(1)))));
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    assertUnauthorized(sign(claims().withIssuer("https://evil.example/")));
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    assertUnauthorized(sign(claims().withAudience("another-api")));
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String[] parts = sign(claims()).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged =
        payload.replace("\"roles\":[\"customer\"]", "\"roles\":[\"admin\",\"customer\"]");
    assertThat(forged).isNotEqualTo(payload);
    String token =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertUnauthorized(token);
  }

  @Test
  void aTokenSignedWithAnUnknownKeyIdIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    assertUnauthorized(
        claims()
            .withKeyId("someone-elses-key")
            .sign(
                Algorithm.RSA256(
                    (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())));
    // Our kid on a foreign key's signature is refused as well.
    assertUnauthorized(
        claims()
            .sign(
                Algorithm.RSA256(
                    (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())));
  }

  @Test
  void anotherUsersAddressIsNotFoundAndStaysUntouched() {
    String owner = service.accessToken("ada@example.com");
    String id =
        json(service.call(
                ApiEvents.request("POST /users/me/addresses")
                    .bearer(owner)
                    .json(
                        Map.of(
                            "recipient", "Ada",
                            "line1", "1 Main St",
                            "city", "London",
                            "postalCode", "N1 9GU",
                            "country", "GB"))))
            .get("id")
            .asText();
    String intruder = intruderToken();

    assertThat(statusOf("GET /users/me/addresses/{id}", id, intruder, null)).isEqualTo(404);
    assertThat(
            statusOf(
                "PUT /users/me/addresses/{id}",
                id,
                intruder,
                Map.of(
                    "recipient", "Mallory",
                    "line1", "2 Side St",
                    "city", "Paris",
                    "postalCode", "75001",
                    "country", "FR")))
        .isEqualTo(404);
    assertThat(statusOf("POST /users/me/addresses/{id}/default", id, intruder, null))
        .isEqualTo(404);
    assertThat(statusOf("DELETE /users/me/addresses/{id}", id, intruder, null)).isEqualTo(404);
    assertThat(statusOf("GET /users/me/addresses/{id}", "not-a-uuid", intruder, null))
        .isEqualTo(404);

    JsonNode mine =
        json(
            service.call(
                ApiEvents.request("GET /users/me/addresses/{id}").path("id", id).bearer(owner)));
    assertThat(mine.get("recipient").asText()).isEqualTo("Ada");
  }

  @Test
  void anotherUsersPaymentMethodIsNotFoundAndStaysAttached() {
    String owner = service.accessToken("ada@example.com");
    service.call(
        ApiEvents.request("POST /users/me/payment-methods")
            .bearer(owner)
            .json(Map.of("stripePaymentMethodId", "pm_card_mastercard")));
    String intruder = intruderToken();

    assertThat(
            statusOf("DELETE /users/me/payment-methods/{id}", "pm_card_mastercard", intruder, null))
        .isEqualTo(404);
    assertThat(
            statusOf(
                "POST /users/me/payment-methods/{id}/default",
                "pm_card_mastercard",
                intruder,
                null))
        .isEqualTo(404);
    assertThat(
            json(service.call(ApiEvents.request("GET /users/me/payment-methods").bearer(intruder)))
                .get("items"))
        .isEmpty();
    assertThat(
            service.count("SELECT count(*) FROM payment_methods WHERE id = 'pm_card_mastercard'"))
        .isEqualTo(1);
  }

  @Test
  void anotherUsersCartIsNeitherSeenNorChanged() {
    String owner = service.accessToken("ada@example.com");
    service.call(
        ApiEvents.request("PUT /users/me/cart/items/{productId}")
            .path("productId", "mug")
            .bearer(owner)
            .json(Map.of("quantity", 2)));
    String intruder = intruderToken();

    assertThat(
            json(service.call(ApiEvents.request("GET /users/me/cart").bearer(intruder)))
                .get("items"))
        .isEmpty();
    assertThat(statusOf("DELETE /users/me/cart/items/{productId}", "mug", intruder, null))
        .isEqualTo(404);
    service.call(ApiEvents.request("DELETE /users/me/cart").bearer(intruder));

    assertThat(service.count("SELECT quantity FROM cart_items WHERE user_id = '" + adaId + "'"))
        .isEqualTo(2);
  }

  @Test
  void reusingARefreshTokenRevokesTheFamily() {
    service.register("reuse@example.com");
    JsonNode login = service.logIn("reuse@example.com");
    String first = login.get("refreshToken").asText();

    APIGatewayV2HTTPResponse rotated = refresh(first);
    assertThat(rotated.getStatusCode()).isEqualTo(200);
    String second = json(rotated).get("refreshToken").asText();
    assertThat(second).isNotEqualTo(first);

    assertThat(refresh(first).getStatusCode()).isEqualTo(401);
    assertThat(refresh(second).getStatusCode()).isEqualTo(401);
    assertThat(
            service.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = '" + first + "'"))
        .as("only hashes are stored")
        .isZero();
  }

  @Test
  void logoutRevokesTheFamily() {
    service.register("logout@example.com");
    String refreshToken = service.logIn("logout@example.com").get("refreshToken").asText();

    APIGatewayV2HTTPResponse out =
        service.call(
            ApiEvents.request("POST /auth/logout").json(Map.of("refreshToken", refreshToken)));

    assertThat(out.getStatusCode()).isEqualTo(204);
    assertThat(refresh(refreshToken).getStatusCode()).isEqualTo(401);
  }

  @Test
  void unknownEmailAndWrongPasswordGetTheSameAnswer() {
    APIGatewayV2HTTPResponse unknown = login("nobody@example.com", UserServiceUnderTest.PASSWORD);
    APIGatewayV2HTTPResponse wrong = login("ada@example.com", "not the right password");

    assertThat(unknown.getStatusCode()).isEqualTo(401);
    assertThat(wrong.getStatusCode()).isEqualTo(401);
    assertThat(json(unknown).get("detail")).isEqualTo(json(wrong).get("detail"));
    service.logIn("ada@example.com");
  }

  @Test
  void fiveFailuresLockTheAccountWithoutSayingSo() {
    service.register("locked@example.com");
    for (int i = 0; i < 5; i++) {
      assertThat(login("locked@example.com", "wrong password " + i).getStatusCode()).isEqualTo(401);
    }

    APIGatewayV2HTTPResponse locked = login("locked@example.com", UserServiceUnderTest.PASSWORD);

    // Locked, even for the right password, and answered like a wrong one (AccountSecurityIT).
    assertThat(locked.getStatusCode()).isEqualTo(401);
    assertThat(locked.getHeaders()).doesNotContainKey("Retry-After");
    assertThat(locked.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndWritesNothing() {
    String token = service.accessToken("ada@example.com");
    Map<String, Long> before = service.rowCounts();

    assertInvalid(
        register(Map.of("email", "x@example.com", "password", "short", "name", "X")), "password");
    assertInvalid(
        register(Map.of("email", "x@example.com", "password", "passwordpassword", "name", "X")),
        "password");
    assertInvalid(
        register(
            Map.of(
                "email", "x@example.com",
                "password", UserServiceUnderTest.PASSWORD,
                "name", "X",
                "phone", "0770 090 0123")),
        "phone");
    assertInvalid(
        register(
            Map.of(
                "email", "not-an-email", "password", UserServiceUnderTest.PASSWORD, "name", "X")),
        "email");
    assertInvalid(
        register(Map.of("email", "x@example.com", "password", UserServiceUnderTest.PASSWORD)),
        "name");
    assertInvalid(
        service.call(
            ApiEvents.request("POST /users/me/addresses")
                .bearer(token)
                .json(
                    Map.of(
                        "recipient", "Ada",
                        "line1", "1 Main St",
                        "city", "London",
                        "postalCode", "N1",
                        "country", "XX"))),
        "country");
    assertInvalid(
        service.call(
            ApiEvents.request("POST /users/me/addresses")
                .bearer(token)
                .json(
                    Map.of(
                        "recipient",
                        "Ada",
                        "city",
                        "London",
                        "postalCode",
                        "N1",
                        "country",
                        "GB"))),
        "line1");
    assertInvalid(
        service.call(
            ApiEvents.request("PUT /users/me/cart/items/{productId}")
                .path("productId", "mug")
                .bearer(token)
                .json("{\"quantity\": \"two\"}")),
        "quantity");
    assertInvalid(
        service.call(
            ApiEvents.request("PUT /users/me/cart/items/{productId}")
                .path("productId", "mug")
                .bearer(token)
                .json(Map.of("quantity", 0))),
        "quantity");
    assertInvalid(
        service.call(
            ApiEvents.request("POST /users/me/payment-methods")
                .bearer(token)
                .json(Map.of("stripePaymentMethodId", "4242424242424242"))),
        "stripePaymentMethodId");
    assertInvalid(
        service.call(
            ApiEvents.request("PATCH /users/me").bearer(token).json(Map.of("phone", "12"))),
        "phone");

    assertThat(service.rowCounts()).isEqualTo(before);
  }

  @Test
  void noPasswordTokenOrCardNumberIsEverLogged() {
    StringWriter captured = new StringWriter();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Appender appender =
        WriterAppender.newBuilder()
            .setName("capture")
            .setTarget(captured)
            .setLayout(PatternLayout.newBuilder().withPattern("%level %logger %X %m %ex%n").build())
            .build();
    appender.start();
    Configuration config = context.getConfiguration();
    config.addAppender(appender);
    for (LoggerConfig logger : config.getLoggers().values()) {
      logger.addAppender(appender, Level.ALL, null);
    }
    config.getRootLogger().addAppender(appender, Level.ALL, null);
    // Everything, at DEBUG: what an operator could switch on in production.
    Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
    String secretPassword = "correct horse battery staple 42";
    String card = "4242424242424242";
    String email = "logs-" + UUID.randomUUID() + "@example.com";
    JsonNode tokens;
    try {
      service.call(
          ApiEvents.request("POST /auth/register")
              .json(Map.of("email", email, "password", secretPassword, "name", "Logs")));
      login(email, secretPassword + " but wrong");
      register(Map.of("email", "bad", "password", secretPassword, "name", "X"));
      tokens =
          json(
              service.call(
                  ApiEvents.request("POST /auth/login")
                      .json(Map.of("email", email, "password", secretPassword))));
      String access = tokens.get("accessToken").asText();
      String second =
          json(refresh(tokens.get("refreshToken").asText())).get("refreshToken").asText();
      refresh(tokens.get("refreshToken").asText());
      service.call(
          ApiEvents.request("POST /users/me/payment-methods")
              .bearer(access)
              .json(Map.of("stripePaymentMethodId", "pm_card_visa", "number", card)));
      service.call(
          ApiEvents.request("POST /users/me/payment-methods")
              .bearer(access)
              .json(Map.of("stripePaymentMethodId", card)));
      service.call(ApiEvents.request("GET /users/me").bearer(access + "x"));
      service.call(ApiEvents.request("POST /auth/logout").json(Map.of("refreshToken", second)));
      tokens = ((com.fasterxml.jackson.databind.node.ObjectNode) tokens).put("second", second);
    } finally {
      context.reconfigure();
      appender.stop();
    }

    String logs = captured.toString();
    assertThat(logs).as("the capture works").contains("request finished");
    assertThat(logs)
        .doesNotContain(secretPassword)
        .doesNotContain(tokens.get("accessToken").asText())
        .doesNotContain(tokens.get("accessToken").asText().split("\\.")[2])
        .doesNotContain(tokens.get("refreshToken").asText())
        .doesNotContain(tokens.get("second").asText())
        .doesNotContain(card)
        .doesNotContain("PRIVATE KEY");
  }

  private static void assertInvalid(APIGatewayV2HTTPResponse response, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
    assertThat(json(response).get("errors").findValuesAsText("field")).contains(field);
  }

  private static APIGatewayV2HTTPResponse register(Map<String, String> body) {
    return service.call(ApiEvents.request("POST /auth/register").json(body));
  }

  private static APIGatewayV2HTTPResponse login(String email, String password) {
    return service.call(
        ApiEvents.request("POST /auth/login").json(Map.of("email", email, "password", password)));
  }

  private static APIGatewayV2HTTPResponse refresh(String token) {
    return service.call(
        ApiEvents.request("POST /auth/refresh").json(Map.of("refreshToken", token)));
  }

  private static int statusOf(String routeKey, String id, String token, Object body) {
    String param = routeKey.contains("{productId}") ? "productId" : "id";
    ApiEvents request = ApiEvents.request(routeKey).path(param, id).bearer(token);
    if (body != null) {
      request.json(body);
    }
    return service.call(request).getStatusCode();
  }

  private static String intruderToken() {
    String email = "mallory-" + UUID.randomUUID() + "@example.com";
    service.register(email);
    return service.accessToken(email);
  }

  private static APIGatewayV2HTTPResponse me(String token) {
    return service.call(ApiEvents.request("GET /users/me").bearer(token));
  }

  private static void assertUnauthorized(String token) {
    APIGatewayV2HTTPResponse response = me(token);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
    assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
  }

  private static JWTCreator.Builder claims() {
    Instant now = Instant.now();
    return JWT.create()
        .withKeyId(service.keys.active().kid())
        .withIssuer(UserServiceUnderTest.ISSUER)
        .withAudience(UserServiceUnderTest.AUDIENCE)
        .withSubject(adaId)
        .withClaim("email", "ada@example.com")
        .withClaim("name", "Ada")
        .withArrayClaim("roles", new String[] {"customer"})
        .withIssuedAt(now)
        .withExpiresAt(now.plus(Duration.ofMinutes(15)))
        .withJWTId(UUID.randomUUID().toString());
  }

  private static String sign(JWTCreator.Builder claims) {
    SigningKeyRing.SigningKey key = service.keys.active();
    return claims.sign(Algorithm.RSA256(key.publicKey(), key.privateKey()));
  }
}
