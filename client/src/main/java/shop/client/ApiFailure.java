package shop.client;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call that did not get a 2xx answer, whichever service's client made it: each generated package
 * has an {@code ApiException} of its own (checked, and with no common type), which {@link
 * ShopApi#call} turns into this one. {@code status} is 0 when no answer came (the cause says why);
 * {@code body} is then empty, and otherwise the problem+json document.
 */
public final class ApiFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;
  private final transient HttpHeaders headers;

  ApiFailure(int status, String body, HttpHeaders headers, Exception cause) {
    super(status == 0 ? cause.getMessage() : status + ": " + body, cause);
    this.status = status;
    this.body = body == null ? "" : body;
    this.headers = headers == null ? HttpHeaders.of(Map.of(), (name, value) -> true) : headers;
  }

  /** The answer's status; 0 when there was none. */
  public int status() {
    return status;
  }

  /** The answer's body (a problem+json document), or "" when there was none. */
  public String body() {
    return body;
  }

  /** One header of the answer, e.g. {@code Retry-After}. */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** Every header of the answer. */
  public Map<String, List<String>> headers() {
    return headers.map();
  }

  /** The failure {@code e} is, when it is one of the generated clients' ApiExceptions. */
  static Optional<ApiFailure> of(Exception e) {
    return switch (e) {
      case shop.client.product.ApiException x ->
          Optional.of(new ApiFailure(x.getCode(), x.getResponseBody(), x.getResponseHeaders(), x));
      case shop.client.user.ApiException x ->
          Optional.of(new ApiFailure(x.getCode(), x.getResponseBody(), x.getResponseHeaders(), x));
      case shop.client.transaction.ApiException x ->
          Optional.of(new ApiFailure(x.getCode(), x.getResponseBody(), x.getResponseHeaders(), x));
      case shop.client.notification.ApiException x ->
          Optional.of(new ApiFailure(x.getCode(), x.getResponseBody(), x.getResponseHeaders(), x));
      case shop.client.ops.ApiException x ->
          Optional.of(new ApiFailure(x.getCode(), x.getResponseBody(), x.getResponseHeaders(), x));
      default -> Optional.empty();
    };
  }
}
