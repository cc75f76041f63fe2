package shop.localstack.drills;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.localstack.app.LocalShop;
import shop.localstack.app.ShopContracts;

/**
 * The routes after payment, for the tests of shipments, returns and refunds: every exchange is
 * checked against the services' contracts; paid orders are made through a real checkout.
 */
final class AfterPaid {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final ShopClient api;
  final Sandbox sandbox;
  private final LocalShop shop;

  AfterPaid(LocalShop shop) {
    this.shop = shop;
    this.api = new ShopClient(shop);
    this.sandbox = new Sandbox(shop, api);
  }

  /** A paid order of {@code quantity} units of {@code product} by {@code customer}. */
  String paidOrder(ShopClient.Customer customer, String product, int quantity) {
    String orderId =
        api.expect(
                201,
                api.checkout(
                    customer,
                    UUID.randomUUID().toString(),
                    ShopClient.order(product, quantity, customer.paymentMethodId())))
            .get("id")
            .asText();
    awaitStatus(customer, orderId, "PAID");
    return orderId;
  }

  void awaitStatus(ShopClient.Customer customer, String orderId, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.status(customer, orderId), equalTo(status));
  }

  /** The order as staff see it, contract-checked. */
  JsonNode order(String orderId) {
    return api.expect(200, call("GET", "/orders/" + orderId, staff(), null, Map.of()));
  }

  String staff() {
    return api.adminToken();
  }

  ShopClient.Reply ship(String orderId, String body) {
    return call("POST", "/admin/orders/" + orderId + "/shipments", staff(), body, Map.of());
  }

  ShopClient.Reply refund(String orderId, String key, long amount) {
    return call(
        "POST",
        "/admin/orders/" + orderId + "/refunds",
        staff(),
        "{\"amount\":" + amount + ",\"reason\":\"goodwill\"}",
        Map.of("Idempotency-Key", key));
  }

  /** A carrier's delivered notice for {@code trackingNumber}, signed with {@code secret}. */
  ShopClient.Reply carrierDelivered(
      String eventId, String carrier, String trackingNumber, String secret) {
    String body =
        "{\"id\":\"%s\",\"type\":\"delivered\",\"carrier\":\"%s\",\"trackingNumber\":\"%s\"}"
            .formatted(eventId, carrier, trackingNumber);
    long t = Instant.now().getEpochSecond();
    return call(
        "POST",
        "/webhooks/carrier",
        null,
        body,
        Map.of("Carrier-Signature", "t=" + t + ",v1=" + hmac(secret, t + "." + body)));
  }

  String carrierSecret() {
    return shop.carrierWebhookSecret();
  }

  /** One exchange with the local HTTP API, checked against the contract of the route called. */
  ShopClient.Reply call(
      String method, String path, String token, String body, Map<String, String> headers) {
    URI uri = shop.apiUrl().resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    HttpRequest built = request.build();
    try {
      HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
      ShopContracts.check(built, body, response);
      return new ShopClient.Reply(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
