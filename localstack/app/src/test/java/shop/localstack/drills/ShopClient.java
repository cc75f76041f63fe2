package shop.localstack.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import shop.client.ApiAnswer;
import shop.client.ApiFailure;
import shop.client.ShopApi;
import shop.client.product.model.NewProduct;
import shop.client.transaction.model.Address;
import shop.client.transaction.model.PlaceOrderRequest;
import shop.client.transaction.model.PlaceOrderRequestItemsInner;
import shop.client.user.model.LoginRequest;
import shop.client.user.model.PaymentMethodRequest;
import shop.client.user.model.RegisterRequest;
import shop.localstack.app.LocalShop;
import shop.localstack.app.seeds.DemoAdmin;

/**
 * The shop's HTTP API as a customer and the admin use it: what the drills drive. Calls go through
 * the client generated from the services' contracts ({@link ShopApi}), as another team's would;
 * {@link #send} stays raw HTTP for what a generated client cannot send on purpose: malformed
 * requests (BadInputDrillIT), a webhook signed over its exact bytes, the provider sandbox.
 */
final class ShopClient {
  static final ObjectMapper JSON = new ObjectMapper();
  // The generated models' own mapper (dates as RFC 3339): a Reply's body reads as the API's JSON.
  private static final ObjectMapper MODEL_JSON =
      shop.client.transaction.ApiClient.createDefaultObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final Duration ADMIN_TOKEN_REUSE = Duration.ofMinutes(10);

  /**
   * The admin's token per shop, shared by every client of this JVM: each login needs a one-time
   * code no earlier login used, so a login per client would wait up to 30 s for the next step.
   */
  private static final Map<URI, AdminToken> ADMIN_TOKENS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record AdminToken(String token, Instant at) {
    boolean fresh() {
      return at.plus(ADMIN_TOKEN_REUSE).isAfter(Instant.now());
    }
  }

  private final URI api;
  private final ShopApi clients;
  private final HttpClient http = builder().build();

  ShopClient(LocalShop shop) {
    this.api = shop.apiUrl();
    this.clients = ShopApi.at(api, builder(), TIMEOUT);
  }

  private static HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
  }

  /** The generated clients, for calls this class has no shortcut for. */
  ShopApi shop() {
    return clients;
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

  /**
   * One call through the generated client ({@code ...WithHttpInfo}, to see the status) as a Reply:
   * the answer's status and body, or the problem's. Like {@link #sendOnce}, a request written to a
   * connection the server had already closed is sent once more.
   */
  Reply call(ShopApi.Call<?> withHttpInfo) {
    try {
      return answered(withHttpInfo);
    } catch (ApiFailure e) {
      if (e.status() == 0 && String.valueOf(e.getMessage()).contains("received no bytes")) {
        return answered(withHttpInfo);
      }
      throw e;
    }
  }

  private static Reply answered(ShopApi.Call<?> withHttpInfo) {
    try {
      ApiAnswer<Object> answer = ShopApi.answer(withHttpInfo);
      return new Reply(
          answer.status(),
          answer.data() == null ? "" : MODEL_JSON.writeValueAsString(answer.data()),
          "application/json");
    } catch (ApiFailure e) {
      if (e.status() == 0) {
        throw e;
      }
      return new Reply(e.status(), e.body(), e.header("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    return ShopApi.call(
            () -> clients.user().logIn(new LoginRequest().email(email).password(password), null))
        .getAccessToken();
  }

  /**
   * The seeded admin's token, from a login with a one-time code. Kept for a few minutes (it lives
   * 15): each login takes a fresh code, and a burst of them would wait for the 30-second steps.
   */
  String adminToken() {
    return ADMIN_TOKENS
        .compute(api, (shop, known) -> known != null && known.fresh() ? known : adminLogin())
        .token();
  }

  private AdminToken adminLogin() {
    LoginRequest login =
        new LoginRequest().email(DemoAdmin.EMAIL).password(DemoAdmin.PASSWORD).otp(DemoAdmin.otp());
    return new AdminToken(
        ShopApi.call(() -> clients.user().logIn(login, null)).getAccessToken(), Instant.now());
  }

  /** Registers a customer (named {@code prefix-<random>@example.com}) with a saved Visa card. */
  Customer customer(String prefix) {
    return customer(prefix, "pm_card_visa");
  }

  /** Registers a customer with {@code testCard} (one of Stripe's {@code pm_card_*}) saved. */
  Customer customer(String prefix, String testCard) {
    String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String password = "a long enough drill password";
    register(email, password);
    String token = login(email, password);
    String card =
        ShopApi.call(
                () ->
                    clients
                        .user()
                        .addPaymentMethod(
                            new PaymentMethodRequest().stripePaymentMethodId(testCard),
                            ShopApi.bearer(token)))
            .getId();
    // The token from before the card, as a client that does not log in again holds it.
    return new Customer(email, token, card);
  }

  /** Registers an account named Drill. */
  void register(String email, String password) {
    ShopApi.call(
        () ->
            clients
                .user()
                .registerUser(
                    new RegisterRequest().email(email).password(password).name("Drill"), null));
  }

  /** Creates an active product with {@code stock} units; returns its id. */
  String product(String admin, String prefix, int stock, long price) {
    NewProduct product =
        new NewProduct()
            .sku(prefix + "-" + UUID.randomUUID().toString().substring(0, 8))
            .name("Drill " + prefix)
            .price(price)
            .currency("EUR")
            .stock(stock);
    return ShopApi.call(() -> clients.product().createProduct(product, ShopApi.bearer(admin)))
        .getId();
  }

  static PlaceOrderRequest order(String productId, int quantity, String paymentMethodId) {
    return new PlaceOrderRequest()
        .addItemsItem(new PlaceOrderRequestItemsInner().productId(productId).quantity(quantity))
        .paymentMethodId(paymentMethodId)
        .shippingAddress(
            new Address()
                .name("Drill")
                .line1("1 Main St")
                .city("London")
                .postalCode("N1 1AA")
                .country("GB"));
  }

  /** 503 answers that {@link #checkout} retried. */
  final java.util.concurrent.atomic.AtomicInteger retried503 =
      new java.util.concurrent.atomic.AtomicInteger();

  /** One POST /orders with {@code key}: its answer, whatever it is. */
  Reply placeOrder(Customer customer, String key, PlaceOrderRequest order) {
    return call(
        () ->
            clients
                .transaction()
                .placeOrderWithHttpInfo(key, order, ShopApi.bearer(customer.token())));
  }

  /**
   * POST /orders with {@code key} as a well-behaved client does it: a 503 is retried with the same
   * key after its Retry-After (up to 20 times); the final reply (201, or a problem).
   */
  Reply checkout(Customer customer, String key, PlaceOrderRequest order) {
    for (int attempt = 1; ; attempt++) {
      Reply reply = placeOrder(customer, key, order);
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
    return ShopApi.call(
            () -> clients.transaction().getOrder(orderId, ShopApi.bearer(customer.token())))
        .getStatus()
        .getValue();
  }

  /** GET /orders/{id}/payment as the order's customer. */
  Reply payment(Customer customer, String orderId) {
    return call(
        () ->
            clients
                .transaction()
                .getOrderPaymentWithHttpInfo(orderId, ShopApi.bearer(customer.token())));
  }
}
