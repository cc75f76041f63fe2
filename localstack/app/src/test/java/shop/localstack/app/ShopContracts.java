package shop.localstack.app;

import com.atlassian.oai.validator.model.SimpleRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import shop.notification.api.NotificationApi;
import shop.ops.api.OpsApi;
import shop.platform.testing.ContractCheck;
import shop.product.api.ProductApi;
import shop.transaction.api.OrdersApi;
import shop.user.api.UserApi;

/**
 * Every service's openapi.yaml, as the local HTTP API serves them together: an exchange with it is
 * checked against the contract of the service whose route it called.
 */
public final class ShopContracts {
  private static final List<ContractCheck> CONTRACTS =
      List.of(UserApi.class, ProductApi.class, OrdersApi.class, NotificationApi.class, OpsApi.class)
          .stream()
          .map(handler -> ContractCheck.inline(handler.getSimpleName(), read(handler)))
          .toList();

  private ShopContracts() {}

  /**
   * Fails when {@code response} to {@code request} (sent with {@code body}) breaks its contract.
   */
  public static void check(HttpRequest request, String body, HttpResponse<String> response) {
    URI uri = request.uri();
    var exchange = new SimpleRequest.Builder(request.method(), uri.getRawPath());
    request.headers().map().forEach(exchange::withHeader);
    query(uri.getRawQuery()).forEach(exchange::withQueryParam);
    if (body != null) {
      exchange.withBody(body);
    }
    SimpleRequest sent = exchange.build();
    Map<String, String> headers =
        response.headers().map().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue())));
    CONTRACTS.stream()
        .filter(contract -> contract.documents(sent))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no service's contract has " + request.method() + " " + uri))
        .check(sent, response.statusCode(), headers, response.body());
  }

  private static Map<String, String> query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    return java.util.Arrays.stream(raw.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                (a, b) -> a));
  }

  private static String read(Class<?> handler) {
    try (var in = ServiceRoutes.contract(handler).openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
