package shop.localstack.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import shop.localstack.app.LocalShop;
import shop.localstack.app.seeds.DemoAdmin;

/** The shop's HTTP API as a customer and the admin use it: what the drills drive. */
final class ShopClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final Duration ADMIN_TOKEN_REUSE = Duration.ofMinutes(10);

  private final URI api;
  private String adminToken;
  private Instant adminTokenAt;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
          .build();

  ShopClient(LocalShop shop) {
    this.api = shop.apiUrl();
  }

  /** A response: status, body, and the body as JSON when it is JSON. */
  record Reply(int status, String body, String contentType) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  /** A registered customer with a saved card. */
  record Customer(String email, String token, String paymentMethodId) {
    /** The user id: the access token's subject. */
    String userId() {
      String payload = token.split("\\.")[1];
      try {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asText();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Reply send(String method, String path, String token, String body, Map<String, String> headers) {
    return send(api.resolve(path), method, token, body, headers);
  }

  /** A request to another server (the provider sandbox). */
  Reply sendTo(URI uri, String method, String body) {
    return send(uri, method, null, body, Map.of());
  }

  private Reply send(
      URI uri, String method, String token, String body, Map<String, String> headers) {
    String path = uri.getPath();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = sendOnce(request.build());
      return new Reply(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends {@code request}, once more if the server had already closed the pooled connection it went
   * out on (no byte of an answer came back): the local API's JDK server closes idle connections
   * beyond its limit (200) after a burst such as the oversell drill's 500 clients, and a request
   * written to such a connection never reached it. OkHttp retries the same case by default.
   */
  private HttpResponse<String> sendOnce(HttpRequest request)
      throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
        throw e;
      }
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  Reply send(String method, String path, String token, JsonNode body) {
    return send(method, path, token, body == null ? null : body.toString(), Map.of());
  }

  JsonNode expect(int status, Reply reply) {
    if (reply.status() != status) {
      throw new AssertionError("expected " + status + " but got " + reply);
    }
    return reply.body() == null || reply.body().isEmpty() ? null : reply.json();
  }

  String login(String email, String password) {
    ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password);
    return expect(200, send("POST", "/auth/login", null, body)).get("accessToken").asText();
  }

  /**
   * The seeded admin's token, from a login with a one-time code. Kept for a few minutes (it lives
   * 15): each login takes a fresh code, and a burst of them would wait for the 30-second steps.
   */
  synchronized String adminToken() {
    if (adminToken == null || adminTokenAt.plus(ADMIN_TOKEN_REUSE).isBefore(Instant.now())) {
      ObjectNode body =
          JSON.createObjectNode()
              .put("email", DemoAdmin.EMAIL)
              .put("password", DemoAdmin.PASSWORD)
              .put("otp", DemoAdmin.otp());
      adminToken = expect(200, send("POST", "/auth/login", null, body)).get("accessToken").asText();
      adminTokenAt = Instant.now();
    }
    return adminToken;
  }

  /** Registers a customer (named {@code prefix-<random>@example.com}) with a saved Visa card. */
  Customer customer(String prefix) {
    return customer(prefix, "pm_card_visa");
  }

  /** Registers a customer with {@code testCard} (one of Stripe's {@code pm_card_*}) saved. */
  Customer customer(String prefix, String testCard) {
    String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String password = "a long enough drill password";
    ObjectNode register =
        JSON.createObjectNode().put("email", email).put("password", password).put("name", "Drill");
    expect(201, send("POST", "/auth/register", null, register));
    String token = login(email, password);
    String card =
        expect(
                201,
                send(
                    "POST",
                    "/users/me/payment-methods",
                    token,
                    JSON.createObjectNode().put("stripePaymentMethodId", testCard)))
            .get("id")
            .asText();
    // The card is attached to the Stripe customer made with it, and Stripe charges an attached
    // card only with its customer, which checkout takes from the token: a fresh one carries it.
    return new Customer(email, login(email, password), card);
  }

  /** Creates an active product with {@code stock} units; returns its id. */
  String product(String admin, String prefix, int stock, long price) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("sku", prefix + "-" + UUID.randomUUID().toString().substring(0, 8))
            .put("name", "Drill " + prefix)
            .put("price", price)
            .put("currency", "EUR")
            .put("stock", stock);
    return expect(201, send("POST", "/products", admin, body)).get("id").asText();
  }

  static String order(String productId, int quantity, String paymentMethodId) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("items").addObject().put("productId", productId).put("quantity", quantity);
    body.put("paymentMethodId", paymentMethodId);
    body.putObject("shippingAddress")
        .put("name", "Drill")
        .put("line1", "1 Main St")
        .put("city", "London")
        .put("postalCode", "N1 1AA")
        .put("country", "GB");
    return body.toString();
  }

  /** 503 answers that {@link #checkout} retried. */
  final java.util.concurrent.atomic.AtomicInteger retried503 =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * POST /orders with {@code key} as a well-behaved client does it: a 503 is retried with the same
   * key after its Retry-After (up to 20 times); the final reply (201, or a problem).
   */
  Reply checkout(Customer customer, String key, String body) {
    for (int attempt = 1; ; attempt++) {
      Reply reply = send("POST", "/orders", customer.token(), body, Map.of("Idempotency-Key", key));
      if (reply.status() != 503 || attempt == 20) {
        return reply;
      }
      retried503.incrementAndGet();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return reply;
      }
    }
  }

  /** One order's status as its customer sees it. */
  String status(Customer customer, String orderId) {
    return expect(200, send("GET", "/orders/" + orderId, customer.token(), (JsonNode) null))
        .get("status")
        .asText();
  }
}
