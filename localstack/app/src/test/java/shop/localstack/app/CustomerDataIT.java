package shop.localstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.localstack.CloudPorts;

/**
 * What the shop keeps about a customer, end to end on the local cloud: contact preferences that
 * reach notification when they change (not when the next token is issued), and the erasure of an
 * account across user, Stripe, transaction and notification.
 */
class CustomerDataIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "a long enough password";
  private static final String PHONE = "+447700900456";
  private static LocalShop shop;

  @BeforeAll
  static void start() {
    shop = LocalShop.start(CloudPorts.ephemeral(), 0);
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void aCustomerWhoOptsInToSmsAndOrdersAtOnceWithTheOldTokenGetsTheSms() throws Exception {
    String email = "optin-" + System.nanoTime() + "@example.com";
    String token = customerWithCard(email);
    String card = firstCard(token);
    ObjectNode optIn = JSON.createObjectNode().put("smsOptIn", true);

    call("PATCH", "/users/me", token, optIn, 200);
    // The same token: it still says smsOptIn false, and so does the order event it makes.
    placeOrder(token, card);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(call("GET", "/notifications", token, null, 200).get("items"))
                    .anySatisfy(
                        n -> {
                          assertThat(n.get("channel").asText()).isEqualTo("SMS");
                          assertThat(n.get("recipient").asText()).isEqualTo(PHONE);
                        }));
  }

  @Test
  void erasingTheAccountDeletesItAndItsStripeCustomerAndAnonymisesTheOrders() throws Exception {
    String email = "erase-" + System.nanoTime() + "@example.com";
    String token = customerWithCard(email);
    String card = firstCard(token);
    call("PATCH", "/users/me", token, JSON.createObjectNode().put("smsOptIn", true), 200);
    String orderId = placeOrder(token, card).get("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> call("GET", "/orders/" + orderId, token, null, 200).get("status").asText(),
            "PAID"::equals);
    // What is sent about the paid order is sent before the erasure, so all of it is erased.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(call("GET", "/notifications", token, null, 200).get("items"))
                    .anySatisfy(
                        n -> {
                          assertThat(n.get("template").asText()).isEqualTo("order-confirmed");
                          assertThat(n.get("channel").asText()).isEqualTo("SMS");
                          assertThat(n.get("status").asText()).isEqualTo("SENT");
                        }));
    String stripeCustomer = claims(token).get("stripeCustomerId").asText();
    String refresh = logInFully(email).get("refreshToken").asText();

    JsonNode export = call("GET", "/users/me/export", token, null, 200);
    assertThat(export.at("/profile/email").asText()).isEqualTo(email);
    assertThat(export.at("/paymentMethods/0/last4").asText()).isEqualTo("4242");
    assertThat(export.get("elsewhere"))
        .extracting(e -> e.get("href").asText())
        .contains("/orders", "/notifications");

    HttpResponse<String> wrong =
        send(
            request("/users/me"),
            "DELETE",
            JSON.createObjectNode().put("password", "not it"),
            token);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("password");
    call("GET", "/users/me", token, null, 200);

    call("DELETE", "/users/me", token, JSON.createObjectNode().put("password", PASSWORD), 204);

    assertThat(
            send(
                    request("/auth/login"),
                    "POST",
                    JSON.createObjectNode().put("email", email).put("password", PASSWORD),
                    null)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(
                    request("/auth/refresh"),
                    "POST",
                    JSON.createObjectNode().put("refreshToken", refresh),
                    null)
                .statusCode())
        .isEqualTo(401);
    assertThat(stripeCustomer(stripeCustomer).path("deleted").asBoolean()).isTrue();
    call("GET", "/users/me/export", token, null, 404);
    // The access token lives out its 15 minutes: the owner's id still reads what was kept.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode order = call("GET", "/orders/" + orderId, token, null, 200);
              assertThat(order.get("status").asText()).isEqualTo("PAID");
              assertThat(order.at("/shippingAddress/name").asText()).isEqualTo("Erased customer");
              assertThat(order.at("/shippingAddress/line1").asText()).isEqualTo("erased");
              assertThat(order.at("/shippingAddress/country").asText()).isEqualTo("GB");
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(call("GET", "/notifications", token, null, 200).get("items"))
                    .isNotEmpty()
                    .allSatisfy(n -> assertThat(n.get("recipient").asText()).isEqualTo("erased")));
  }

  private static String firstCard(String token) throws Exception {
    return call("GET", "/users/me/payment-methods", token, null, 200)
        .get("items")
        .get(0)
        .get("id")
        .asText();
  }

  private static JsonNode claims(String jwt) throws Exception {
    return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static JsonNode stripeCustomer(String id) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(sandbox().resolve("/v1/customers/" + id))
                .header("Authorization", "Bearer sk_test_local")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(shop.apiUrl().resolve(path));
  }

  /** A registered customer with a phone and a saved card, and a token that knows the card. */
  static String customerWithCard(String email) throws Exception {
    call(
        "POST",
        "/auth/register",
        null,
        JSON.createObjectNode()
            .put("email", email)
            .put("password", PASSWORD)
            .put("name", "Carla")
            .put("phone", PHONE),
        201);
    String first = logIn(email);
    call(
        "POST",
        "/users/me/payment-methods",
        first,
        JSON.createObjectNode().put("stripePaymentMethodId", "pm_card_visa"),
        201);
    // Checkout charges the Stripe customer the token names: a token issued after the first card.
    return logIn(email);
  }

  static String logIn(String email) throws Exception {
    return logInFully(email).get("accessToken").asText();
  }

  static JsonNode logInFully(String email) throws Exception {
    return call(
        "POST",
        "/auth/login",
        null,
        JSON.createObjectNode().put("email", email).put("password", PASSWORD),
        200);
  }

  static JsonNode placeOrder(String token, String card) throws Exception {
    JsonNode product = call("GET", "/products?limit=1", null, null, 200).get("items").get(0);
    ObjectNode order = JSON.createObjectNode();
    order
        .putArray("items")
        .addObject()
        .put("productId", product.get("id").asText())
        .put("quantity", 1);
    order.put("paymentMethodId", card);
    order
        .putObject("shippingAddress")
        .put("name", "Carla")
        .put("line1", "1 Test Street")
        .put("city", "London")
        .put("postalCode", "N1 1AA")
        .put("country", "GB");
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(shop.apiUrl().resolve("/orders"))
                .header("Idempotency-Key", UUID.randomUUID().toString()),
            "POST",
            order,
            token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  static JsonNode call(String method, String path, String token, JsonNode body, int expected)
      throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(shop.apiUrl().resolve(path)), method, body, token);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(expected);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  static HttpResponse<String> send(
      HttpRequest.Builder request, String method, JsonNode body, String token) throws Exception {
    request.header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static URI sandbox() {
    return shop.cloud().endpoints().sandboxUrl();
  }
}
