package shop.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import shop.client.notification.api.NotificationClient;
import shop.client.ops.api.OpsClient;
import shop.client.product.api.ProductClient;
import shop.client.transaction.api.TransactionClient;
import shop.client.user.api.UserClient;

/**
 * The shop's HTTP API at one base URL, through the clients generated from each service's
 * openapi.yaml: one per service ({@code shop.client.<service>}), all behind the one API, as API
 * Gateway serves them.
 *
 * <pre>{@code
 * ShopApi shop = ShopApi.at(URI.create("http://127.0.0.1:8080"));
 * String token = shop.user().logIn(new LoginRequest().email(e).password(p), null).getAccessToken();
 * OrderDetail order = shop.transaction().getOrder(id, ShopApi.bearer(token));
 * }</pre>
 *
 * <p>The token goes with each call rather than into the client, so that one client (one connection
 * pool per service) serves many customers at once, as the drills and benchmarks need. A non-2xx
 * answer is the service package's {@code ApiException}: its code, headers and problem+json body.
 */
public final class ShopApi {
  private final ProductClient product;
  private final UserClient user;
  private final TransactionClient transaction;
  private final NotificationClient notification;
  private final OpsClient ops;

  private ShopApi(URI baseUrl, HttpClient.Builder http) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    this.product =
        new ProductClient(
            new shop.client.product.ApiClient(
                http, shop.client.product.ApiClient.createDefaultObjectMapper(), base));
    this.user =
        new UserClient(
            new shop.client.user.ApiClient(
                http, shop.client.user.ApiClient.createDefaultObjectMapper(), base));
    this.transaction =
        new TransactionClient(
            new shop.client.transaction.ApiClient(
                http, shop.client.transaction.ApiClient.createDefaultObjectMapper(), base));
    this.notification =
        new NotificationClient(
            new shop.client.notification.ApiClient(
                http, shop.client.notification.ApiClient.createDefaultObjectMapper(), base));
    this.ops =
        new OpsClient(
            new shop.client.ops.ApiClient(
                http, shop.client.ops.ApiClient.createDefaultObjectMapper(), base));
  }

  /** The API at {@code baseUrl} (e.g. {@code apiUrl} of .shop/local.json, or ApiEndpoint). */
  public static ShopApi at(URI baseUrl) {
    return at(baseUrl, HttpClient.newBuilder());
  }

  /** The same, with the caller's HTTP settings (timeouts, executor). */
  public static ShopApi at(URI baseUrl, HttpClient.Builder http) {
    return new ShopApi(baseUrl, http);
  }

  /** The headers that make a call as the holder of {@code accessToken}. */
  public static Map<String, String> bearer(String accessToken) {
    return Map.of("Authorization", "Bearer " + accessToken);
  }

  /** Catalogue, categories, images, stock. */
  public ProductClient product() {
    return product;
  }

  /** Accounts, login, profile, addresses, payment methods, cart. */
  public UserClient user() {
    return user;
  }

  /** Orders, checkout and payments. */
  public TransactionClient transaction() {
    return transaction;
  }

  /** What was sent to a customer or about an order. */
  public NotificationClient notification() {
    return notification;
  }

  /** Dead letters, parked outbox events, the audit log. */
  public OpsClient ops() {
    return ops;
  }
}
