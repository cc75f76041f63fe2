package shop.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
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
 * Tokens tokens = ShopApi.call(() -> shop.user().logIn(new LoginRequest().email(e).password(p), null));
 * OrderDetail order = ShopApi.call(() -> shop.transaction().getOrder(id, ShopApi.bearer(token)));
 * }</pre>
 *
 * <p>The token goes with each call rather than into the client, so that one client (one connection
 * pool per service) serves many customers at once, as the drills and benchmarks need. A non-2xx
 * answer is the service package's checked {@code ApiException}; {@link #call} makes it an {@link
 * ApiFailure}.
 */
public final class ShopApi {
  // Longer than any answer of the API (API Gateway gives up after 30 s).
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(35);

  private final ProductClient product;
  private final UserClient user;
  private final TransactionClient transaction;
  private final NotificationClient notification;
  private final OpsClient ops;

  private ShopApi(URI baseUrl, HttpClient.Builder http, Duration timeout) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    this.product =
        new ProductClient(
            new shop.client.product.ApiClient(
                    http, shop.client.product.ApiClient.createDefaultObjectMapper(), base)
                .setReadTimeout(timeout));
    this.user =
        new UserClient(
            new shop.client.user.ApiClient(
                    http, shop.client.user.ApiClient.createDefaultObjectMapper(), base)
                .setReadTimeout(timeout));
    this.transaction =
        new TransactionClient(
            new shop.client.transaction.ApiClient(
                    http, shop.client.transaction.ApiClient.createDefaultObjectMapper(), base)
                .setReadTimeout(timeout));
    this.notification =
        new NotificationClient(
            new shop.client.notification.ApiClient(
                    http, shop.client.notification.ApiClient.createDefaultObjectMapper(), base)
                .setReadTimeout(timeout));
    this.ops =
        new OpsClient(
            new shop.client.ops.ApiClient(
                    http, shop.client.ops.ApiClient.createDefaultObjectMapper(), base)
                .setReadTimeout(timeout));
  }

  /** The API at {@code baseUrl} (e.g. {@code apiUrl} of .shop/local.json, or ApiEndpoint). */
  public static ShopApi at(URI baseUrl) {
    return at(baseUrl, HttpClient.newBuilder(), DEFAULT_TIMEOUT);
  }

  /**
   * The same, with the caller's HTTP client settings (connect timeout, executor) and how long a
   * request may wait for its answer.
   */
  public static ShopApi at(URI baseUrl, HttpClient.Builder http, Duration timeout) {
    return new ShopApi(baseUrl, http, timeout);
  }

  /** A call to one of the generated clients. */
  @FunctionalInterface
  public interface Call<T> {
    T call() throws Exception;
  }

  /**
   * What {@code call} returns; an answer other than 2xx, or none, as an {@link ApiFailure} with its
   * status, headers and problem+json body.
   */
  public static <T> T call(Call<T> call) {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw ApiFailure.of(e).orElseThrow(() -> new IllegalStateException(e));
    }
  }

  /**
   * What a {@code ...WithHttpInfo} call answered, with its status and headers, for callers that
   * tell a 201 from a 200; otherwise as {@link #call}.
   */
  public static <T> ApiAnswer<T> answer(Call<?> withHttpInfo) {
    return ApiAnswer.of(call(withHttpInfo));
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
