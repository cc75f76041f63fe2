package shop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.client.ApiFailure;
import shop.client.ShopApi;
import shop.client.product.model.NewProduct;
import shop.client.product.model.Product;
import shop.client.product.model.SetStockRequest;
import shop.client.transaction.model.Address;
import shop.client.transaction.model.PlaceOrderRequest;
import shop.client.transaction.model.PlaceOrderRequestItemsInner;
import shop.client.transaction.model.PlacedOrder;
import shop.client.user.model.LoginRequest;
import shop.client.user.model.PaymentMethodRequest;
import shop.client.user.model.RegisterRequest;
import shop.localstack.app.seeds.DemoAdmin;
import shop.platform.http.HttpJson;

/**
 * The REST calls the benchmarks make: the set-up and the pipeline's checkouts through the client
 * generated from the services' contracts ({@link ShopApi}), and the load's requests built once as
 * raw HTTP requests, so that what {@link Load} times is the server's answer, not the client's JSON
 * mapping, as in every figure measured before.
 */
final class ShopClient {
  static final String PASSWORD = "bench password for load";
  private static final Map<String, Object> ADDRESS =
      Map.of(
          "name",
          "Ada",
          "line1",
          "1 Main St",
          "city",
          "London",
          "postalCode",
          "N1 1AA",
          "country",
          "GB");

  private final URI api;
  private final ShopApi shop;
  private final ObjectMapper json = HttpJson.mapper();

  ShopClient(HttpClient.Builder http, URI api) {
    this.api = api;
    this.shop = ShopApi.at(api, http, Duration.ofSeconds(60));
  }

  HttpRequest get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).GET();
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    return request.build();
  }

  HttpRequest post(String path, String token, Object body) {
    return send("POST", path, token, body).build();
  }

  HttpRequest login(String email) {
    return post("/auth/login", null, Map.of("email", email, "password", PASSWORD));
  }

  HttpRequest placeOrderRequest(String token, String productId) {
    return send(
            "POST",
            "/orders",
            token,
            Map.of(
                "items",
                java.util.List.of(Map.of("productId", productId, "quantity", 1)),
                "paymentMethodId",
                "pm_card_visa",
                "shippingAddress",
                ADDRESS))
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .build();
  }

  /** Registers a user and answers its access token. */
  String register(String email) {
    ShopApi.call(
        () ->
            shop.user()
                .registerUser(
                    new RegisterRequest().email(email).password(PASSWORD).name("Bench"), null));
    return token(email, PASSWORD);
  }

  /**
   * Saves the sandbox's {@code pm_card_visa} for the user. The sandbox answers that same id for
   * every customer and the user service lets one user own a card, so only the first save takes (409
   * for the rest); checkout charges the id it is given either way.
   */
  void saveVisa(String token) {
    try {
      ShopApi.call(
          () ->
              shop.user()
                  .addPaymentMethod(
                      new PaymentMethodRequest().stripePaymentMethodId("pm_card_visa"),
                      ShopApi.bearer(token)));
    } catch (ApiFailure e) {
      if (e.status() != 409) {
        throw e;
      }
    }
  }

  /** The seeded admin's token, from a login with a fresh one-time code. */
  String adminToken() {
    LoginRequest login =
        new LoginRequest().email(DemoAdmin.EMAIL).password(DemoAdmin.PASSWORD).otp(DemoAdmin.otp());
    return ShopApi.call(() -> shop.user().logIn(login, null)).getAccessToken();
  }

  String token(String email, String password) {
    LoginRequest login = new LoginRequest().email(email).password(password);
    return ShopApi.call(() -> shop.user().logIn(login, null)).getAccessToken();
  }

  /** The token holder's user id. */
  String userId(String token) {
    return ShopApi.call(() -> shop.user().getProfile(ShopApi.bearer(token))).getId().toString();
  }

  /** The ids of the first {@code limit} products of the catalogue. */
  List<String> productIds(int limit) {
    return ShopApi.call(
            () -> shop.product().listProducts(null, null, null, null, null, limit, null))
        .getItems()
        .stream()
        .map(Product::getId)
        .toList();
  }

  /** Creates a product (as the admin); answers its id. */
  String createProduct(String admin, String sku, String name, long price) {
    NewProduct product = new NewProduct().sku(sku).name(name).price(price).currency("EUR");
    return ShopApi.call(() -> shop.product().createProduct(product, ShopApi.bearer(admin))).getId();
  }

  void setStock(String admin, String productId, int stock) {
    ShopApi.call(
        () ->
            shop.product()
                .setStock(productId, new SetStockRequest().stock(stock), ShopApi.bearer(admin)));
  }

  /** Places a one-unit order with the saved Visa; anything but a 2xx is an {@link ApiFailure}. */
  PlacedOrder placeOrder(String token, String productId) {
    PlaceOrderRequest order =
        new PlaceOrderRequest()
            .addItemsItem(new PlaceOrderRequestItemsInner().productId(productId).quantity(1))
            .paymentMethodId("pm_card_visa")
            .shippingAddress(
                new Address()
                    .name("Ada")
                    .line1("1 Main St")
                    .city("London")
                    .postalCode("N1 1AA")
                    .country("GB"));
    return ShopApi.call(
        () ->
            shop.transaction()
                .placeOrder(UUID.randomUUID().toString(), order, ShopApi.bearer(token)));
  }

  /** An order's status, as the admin sees it. */
  String orderStatus(String admin, String orderId) {
    return ShopApi.call(() -> shop.transaction().getOrder(orderId, ShopApi.bearer(admin)))
        .getStatus()
        .getValue();
  }

  JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder send(String method, String path, String token, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .header("content-type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    return request;
  }

  byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
