package shop.user.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.user.testing.UserServiceUnderTest.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.CloudEventCodec;
import shop.events.UserRegistered;
import shop.platform.auth.Caller;
import shop.platform.auth.JwtVerifier;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.FakeEventBridge;
import shop.user.account.Account;
import shop.user.testing.UserServiceUnderTest;

/** The user service's REST API through its Lambda handler, on embedded PostgreSQL. */
class UserApiIT {
  private static UserServiceUnderTest service;

  @BeforeAll
  static void start() {
    service = UserServiceUnderTest.start();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void registersNormalisesTheEmailAndPublishesUserRegisteredThroughTheOutbox() {
    APIGatewayV2HTTPResponse response =
        service.call(
            ApiEvents.request("POST /auth/register")
                .json(
                    Map.of(
                        "email", "  Grace@Example.com ",
                        "password", UserServiceUnderTest.PASSWORD,
                        "name", "Grace Hopper",
                        "phone", "+14155550123")));

    assertThat(response.getStatusCode()).isEqualTo(201);
    JsonNode body = json(response);
    assertThat(body.get("email").asText()).isEqualTo("grace@example.com");
    assertThat(body.get("name").asText()).isEqualTo("Grace Hopper");
    assertThat(body.has("id")).isFalse();
    String id = service.userId("grace@example.com");

    assertThat(
            service.count(
                "SELECT count(*) FROM event_outbox"
                    + " WHERE event_type = 'shop.user.registered.v1' AND subject = '"
                    + id
                    + "'"))
        .isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                service.eventBridge.accepted().stream()
                    .anyMatch(e -> e.detail().contains(id) && isRegistration(e)));
    var sent =
        service.eventBridge.accepted().stream()
            .filter(e -> e.detail().contains(id) && isRegistration(e))
            .findFirst()
            .orElseThrow();
    assertThat(sent.source()).isEqualTo("shop.user");
    assertThat(sent.detailType()).isEqualTo("UserRegistered");
    UserRegistered event = (UserRegistered) CloudEventCodec.instance().decode(sent.detail()).data();
    assertThat(event.email()).isEqualTo("grace@example.com");
    assertThat(event.phone()).isEqualTo("+14155550123");
    String passwordHash =
        service.count(
                    "SELECT count(*) FROM users WHERE id = '"
                        + id
                        + "' AND password_hash LIKE '$argon2id$%'")
                == 1
            ? "argon2id"
            : "other";
    assertThat(passwordHash).isEqualTo("argon2id");
  }

  @Test
  void aSecondRegistrationWithTheSameEmailChangesNothingAndLooksLikeTheFirst() {
    service.register("twice@example.com");

    APIGatewayV2HTTPResponse again =
        service.call(
            ApiEvents.request("POST /auth/register")
                .json(
                    Map.of(
                        "email", "TWICE@example.com",
                        "password", UserServiceUnderTest.PASSWORD,
                        "name", "Again")));

    assertThat(again.getStatusCode()).isEqualTo(201);
    assertThat(service.count("SELECT count(*) FROM users WHERE email = 'twice@example.com'"))
        .isEqualTo(1);
    assertThat(service.count("SELECT count(*) FROM users WHERE name = 'Again'")).isZero();
  }

  @Test
  void logsInWithTokensThatThePlatformVerifierAcceptsAndServesTheProfile() {
    String id = service.register("ada@example.com");

    JsonNode tokens = service.logIn("ada@example.com");

    assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
    // Other services verify with the JWKS this service publishes.
    JsonNode jwks = json(service.call(ApiEvents.request("GET /.well-known/jwks.json")));
    assertThat(jwks.get("keys").get(0).get("kid").asText()).isEqualTo("test-2026-11");
    // API Gateway's JWT authorizer finds that JWKS through the issuer's discovery document.
    JsonNode discovery =
        json(service.call(ApiEvents.request("GET /.well-known/openid-configuration")));
    assertThat(discovery.get("issuer").asText()).isEqualTo(UserServiceUnderTest.ISSUER);
    assertThat(discovery.get("jwks_uri").asText())
        .isEqualTo(UserServiceUnderTest.ISSUER.replaceAll("/$", "") + "/.well-known/jwks.json");
    assertThat(discovery.get("id_token_signing_alg_values_supported").get(0).asText())
        .isEqualTo("RS256");
    Caller caller =
        JwtVerifier.fromKeys(
                Map.of("test-2026-11", service.keys.active().publicKey()),
                UserServiceUnderTest.ISSUER,
                UserServiceUnderTest.AUDIENCE)
            .verify(tokens.get("accessToken").asText());
    assertThat(caller.userId()).isEqualTo(id);
    assertThat(caller.roles()).containsExactly("customer");

    APIGatewayV2HTTPResponse me =
        service.call(ApiEvents.request("GET /users/me").bearer(tokens.get("accessToken").asText()));
    assertThat(me.getStatusCode()).isEqualTo(200);
    assertThat(json(me).get("email").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void updatesTheProfileAndRemovesThePhone() {
    service.register("linus@example.com");
    String token = service.accessToken("linus@example.com");

    JsonNode updated =
        json(
            service.call(
                ApiEvents.request("PATCH /users/me")
                    .bearer(token)
                    .json(Map.of("name", "Linus", "phone", "+358401234567", "smsOptIn", true))));
    assertThat(updated.get("phone").asText()).isEqualTo("+358401234567");
    assertThat(updated.get("smsOptIn").asBoolean()).isTrue();

    APIGatewayV2HTTPResponse noPhoneButSms =
        service.call(ApiEvents.request("PATCH /users/me").bearer(token).json(Map.of("phone", "")));
    assertThat(noPhoneButSms.getStatusCode()).isEqualTo(400);
    assertThat(json(noPhoneButSms).get("errors").get(0).get("field").asText())
        .isEqualTo("smsOptIn");

    JsonNode cleared =
        json(
            service.call(
                ApiEvents.request("PATCH /users/me")
                    .bearer(token)
                    .json(Map.of("phone", "", "smsOptIn", false))));
    assertThat(cleared.has("phone")).isFalse();
    assertThat(cleared.get("name").asText()).isEqualTo("Linus");
  }

  @Test
  void managesAddressesWithOneDefault() {
    service.register("addr@example.com");
    String token = service.accessToken("addr@example.com");

    APIGatewayV2HTTPResponse created = service.call(address(token, "GB"));
    assertThat(created.getStatusCode()).isEqualTo(201);
    String first = json(created).get("id").asText();
    assertThat(json(created).get("isDefault").asBoolean()).isTrue();
    String second = json(service.call(address(token, "fr"))).get("id").asText();

    JsonNode madeDefault =
        json(
            service.call(
                ApiEvents.request("POST /users/me/addresses/{id}/default")
                    .path("id", second)
                    .bearer(token)));
    assertThat(madeDefault.get("isDefault").asBoolean()).isTrue();
    assertThat(madeDefault.get("country").asText()).isEqualTo("FR");

    JsonNode list = json(service.call(ApiEvents.request("GET /users/me/addresses").bearer(token)));
    assertThat(list.get("items")).hasSize(2);
    assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(second);

    Map<String, Object> changed = new HashMap<>(addressBody("DE"));
    changed.put("city", "Berlin");
    APIGatewayV2HTTPResponse put =
        service.call(
            ApiEvents.request("PUT /users/me/addresses/{id}")
                .path("id", first)
                .bearer(token)
                .json(changed));
    assertThat(json(put).get("city").asText()).isEqualTo("Berlin");

    assertThat(
            service
                .call(
                    ApiEvents.request("DELETE /users/me/addresses/{id}")
                        .path("id", first)
                        .bearer(token))
                .getStatusCode())
        .isEqualTo(204);
    assertThat(
            service
                .call(
                    ApiEvents.request("GET /users/me/addresses/{id}")
                        .path("id", first)
                        .bearer(token))
                .getStatusCode())
        .isEqualTo(404);
  }

  @Test
  void savesCardsOnAStripeCustomerCreatedOnceWithAnIdempotencyKeyFromTheUserId() {
    String id = service.register("cards@example.com");
    String token = service.accessToken("cards@example.com");

    APIGatewayV2HTTPResponse visa = service.call(card(token, "pm_card_visa"));
    APIGatewayV2HTTPResponse mastercard = service.call(card(token, "pm_card_mastercard"));

    assertThat(visa.getStatusCode()).isEqualTo(201);
    JsonNode saved = json(visa);
    assertThat(saved.get("id").asText()).isEqualTo("pm_card_visa");
    assertThat(saved.get("brand").asText()).isEqualTo("visa");
    assertThat(saved.get("last4").asText()).isEqualTo("4242");
    assertThat(saved.get("expMonth").asInt()).isEqualTo(12);
    assertThat(saved.get("expYear").asInt()).isEqualTo(2034);
    assertThat(saved.has("fingerprint")).isFalse();
    assertThat(json(mastercard).get("isDefault").asBoolean()).isFalse();
    service.stubs.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/customers"))
            .withHeader("Idempotency-Key", equalTo("customer-" + id))
            // transaction charges a card with this customer only for the user it names
            .withRequestBody(containing("metadata[userId]=" + id)));
    assertThat(
            service.count(
                "SELECT count(*) FROM users WHERE stripe_customer_id = 'cus_Q1w2E3r4T5y6'"))
        .isGreaterThanOrEqualTo(1);

    JsonNode madeDefault =
        json(
            service.call(
                ApiEvents.request("POST /users/me/payment-methods/{id}/default")
                    .path("id", "pm_card_mastercard")
                    .bearer(token)));
    assertThat(madeDefault.get("isDefault").asBoolean()).isTrue();

    assertThat(
            service
                .call(
                    ApiEvents.request("DELETE /users/me/payment-methods/{id}")
                        .path("id", "pm_card_visa")
                        .bearer(token))
                .getStatusCode())
        .isEqualTo(204);
    service.stubs.verify(postRequestedFor(urlEqualTo("/v1/payment_methods/pm_card_visa/detach")));
    JsonNode list =
        json(service.call(ApiEvents.request("GET /users/me/payment-methods").bearer(token)));
    assertThat(list.get("items")).hasSize(1);

    // A fresh token carries the Stripe customer.
    Caller caller =
        JwtVerifier.fromKeys(
                Map.of("test-2026-11", service.keys.active().publicKey()),
                UserServiceUnderTest.ISSUER,
                UserServiceUnderTest.AUDIENCE)
            .verify(service.accessToken("cards@example.com"));
    assertThat(caller.stripeCustomerId()).isEqualTo("cus_Q1w2E3r4T5y6");
  }

  @Test
  void aDeclinedCardIsUnprocessableAndNotSaved() {
    service.register("declined@example.com");
    String token = service.accessToken("declined@example.com");

    APIGatewayV2HTTPResponse response = service.call(card(token, "pm_card_chargeDeclined"));

    assertThat(response.getStatusCode()).isEqualTo(422);
    assertThat(json(response).get("detail").asText()).contains("card_declined");
    assertThat(
            service.count(
                "SELECT count(*) FROM payment_methods WHERE id = 'pm_card_chargeDeclined'"))
        .isZero();
  }

  @Test
  void keepsACart() {
    service.register("cart@example.com");
    String token = service.accessToken("cart@example.com");

    service.call(quantity(token, "6650a1f2c3d4e5f6a7b8c9d0", 2));
    JsonNode cart = json(service.call(quantity(token, "6650a1f2c3d4e5f6a7b8c9d1", 1)));
    assertThat(cart.get("items")).hasSize(2);
    assertThat(cart.get("totalQuantity").asInt()).isEqualTo(3);

    JsonNode changed = json(service.call(quantity(token, "6650a1f2c3d4e5f6a7b8c9d0", 5)));
    assertThat(changed.get("totalQuantity").asInt()).isEqualTo(6);

    JsonNode removed =
        json(
            service.call(
                ApiEvents.request("DELETE /users/me/cart/items/{productId}")
                    .path("productId", "6650a1f2c3d4e5f6a7b8c9d1")
                    .bearer(token)));
    assertThat(removed.get("items")).hasSize(1);

    assertThat(
            service.call(ApiEvents.request("DELETE /users/me/cart").bearer(token)).getStatusCode())
        .isEqualTo(204);
    assertThat(
            json(service.call(ApiEvents.request("GET /users/me/cart").bearer(token))).get("items"))
        .isEmpty();
  }

  @Test
  void staffWithTheUsersRoleGrantAndRevokeRolesAndOthersMayNot() {
    UUID rootId = UUID.fromString(service.verifiedUser("root@example.com"));
    var rootCodes = service.enrolTotp("root@example.com");
    Account admin = service.module.seedAdmin().seed(rootId, "test");
    // Seeding again is harmless.
    service.module.seedAdmin().seed(rootId, "test");
    assertThat(admin.roles()).contains("catalog", "orders", "ops", "users");
    JsonNode adminLogin = service.logIn("root@example.com", rootCodes.next());
    String adminToken = adminLogin.get("accessToken").asText();
    String userId = service.verifiedUser("promoted@example.com");
    String userToken = service.accessToken("promoted@example.com");

    APIGatewayV2HTTPResponse forbidden =
        service.call(
            ApiEvents.request("POST /admin/users/{id}/roles")
                .path("id", admin.id().toString())
                .bearer(userToken)
                .json(Map.of("role", "ops")));
    assertThat(forbidden.getStatusCode()).isEqualTo(403);

    APIGatewayV2HTTPResponse withoutTotp =
        service.call(
            ApiEvents.request("POST /admin/users/{id}/roles")
                .path("id", userId)
                .bearer(adminToken)
                .json(Map.of("role", "ops")));
    assertThat(withoutTotp.getStatusCode()).isEqualTo(409);

    var promotedCodes = service.enrolTotp("promoted@example.com");
    APIGatewayV2HTTPResponse granted =
        service.call(
            ApiEvents.request("POST /admin/users/{id}/roles")
                .path("id", userId)
                .bearer(adminToken)
                .json(Map.of("role", "ops")));
    assertThat(granted.getStatusCode()).isEqualTo(204);
    JsonNode promotedLogin = service.logIn("promoted@example.com", promotedCodes.next());
    assertThat(
            json(service.call(
                    ApiEvents.request("GET /users/me")
                        .bearer(promotedLogin.get("accessToken").asText())))
                .get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("customer", "ops");

    APIGatewayV2HTTPResponse revoked =
        service.call(
            ApiEvents.request("DELETE /admin/users/{id}/roles/{role}")
                .path("id", userId)
                .path("role", "ops")
                .bearer(adminToken));
    assertThat(revoked.getStatusCode()).isEqualTo(204);
    assertThat(
            service.count(
                "SELECT count(*) FROM user_roles WHERE user_id = '"
                    + userId
                    + "' AND role = 'ops'"))
        .isZero();

    APIGatewayV2HTTPResponse unknown =
        service.call(
            ApiEvents.request("POST /admin/users/{id}/roles")
                .path("id", java.util.UUID.randomUUID().toString())
                .bearer(adminToken)
                .json(Map.of("role", "ops")));
    assertThat(unknown.getStatusCode()).isEqualTo(404);

    APIGatewayV2HTTPResponse oldRole =
        service.call(
            ApiEvents.request("POST /admin/users/{id}/roles")
                .path("id", userId)
                .bearer(adminToken)
                .json(Map.of("role", "admin")));
    assertThat(oldRole.getStatusCode()).isEqualTo(400);
  }

  @Test
  void migratingAgainChangesNothing() {
    assertThat(new MigrateHandler(service.config).run()).isZero();
  }

  @Test
  void theMigrationHandlerAnswersHowManyMigrationsRan() {
    assertThat(new MigrateHandler(service.config).handleRequest(Map.of(), null))
        .isEqualTo(Map.of("migrationsExecuted", 0));
  }

  private static ApiEvents address(String token, String country) {
    return ApiEvents.request("POST /users/me/addresses").bearer(token).json(addressBody(country));
  }

  private static Map<String, Object> addressBody(String country) {
    return Map.of(
        "recipient", "Ada Lovelace",
        "line1", "12 St James's Square",
        "city", "London",
        "postalCode", "SW1Y 4JH",
        "country", country,
        "phone", "+447700900123");
  }

  private static ApiEvents card(String token, String stripeId) {
    return ApiEvents.request("POST /users/me/payment-methods")
        .bearer(token)
        .json(Map.of("stripePaymentMethodId", stripeId));
  }

  private static ApiEvents quantity(String token, String productId, int quantity) {
    return ApiEvents.request("PUT /users/me/cart/items/{productId}")
        .path("productId", productId)
        .bearer(token)
        .json(Map.of("quantity", quantity));
  }

  private static boolean isRegistration(FakeEventBridge.Accepted event) {
    return event.detailType().equals("UserRegistered");
  }
}
