package shop.localstack.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.localstack.app.LocalShop;

/**
 * The provider sandbox (WireMock): its journal of every provider call, and stub mappings that
 * override the normal answers for a drill (priority 1 wins over the sandbox's own mappings).
 */
final class Sandbox {
  private final ShopClient http;
  private final URI base;

  Sandbox(LocalShop shop, ShopClient http) {
    this.http = http;
    this.base = shop.cloud().endpoints().sandboxUrl();
  }

  /** One Stripe PaymentIntent create call as the sandbox received it. */
  record Charge(String orderId, String idempotencyKey, String paymentMethod, int status) {}

  /** One Stripe refund create call as the sandbox received it ({@code amount} 0: none given). */
  record RefundCall(
      String paymentIntent,
      String orderId,
      long amount,
      String idempotencyKey,
      int status,
      String mapping) {}

  /** Every refund create call in the journal. */
  List<RefundCall> refunds() {
    List<RefundCall> refunds = new ArrayList<>();
    for (JsonNode entry : requests("POST", "/v1/refunds")) {
      JsonNode request = entry.get("request");
      Map<String, String> form = form(request.path("body").asText(""));
      refunds.add(
          new RefundCall(
              form.get("payment_intent"),
              form.get("metadata[order_id]"),
              Long.parseLong(form.getOrDefault("amount", "0")),
              request.path("headers").path("Idempotency-Key").asText(null),
              entry.path("response").path("status").asInt(),
              entry.path("stubMapping").path("id").asText(null)));
    }
    return refunds;
  }

  /** Adds a stub mapping (WireMock JSON); returns its id for {@link #remove}. */
  String stub(String mapping) {
    return http.expect(201, send("POST", "/__admin/mappings", mapping)).get("id").asText();
  }

  void remove(String id) {
    send("DELETE", "/__admin/mappings/" + id, null);
  }

  /** Every PaymentIntent create call in the journal. */
  List<Charge> charges() {
    List<Charge> charges = new ArrayList<>();
    for (JsonNode entry : requests("POST", "/v1/payment_intents")) {
      JsonNode request = entry.get("request");
      Map<String, String> form = form(request.path("body").asText(""));
      charges.add(
          new Charge(
              form.get("metadata[order_id]"),
              request.path("headers").path("Idempotency-Key").asText(null),
              form.get("payment_method"),
              entry.path("response").path("status").asInt()));
    }
    return charges;
  }

  /** Bodies of every email a provider accepted (SES v2 and SendGrid answered 2xx). */
  List<String> emails() {
    List<String> bodies = new ArrayList<>();
    for (JsonNode entry : journal()) {
      JsonNode request = entry.get("request");
      String url = request.path("url").asText();
      if (request.path("method").asText().equals("POST")
          && (url.startsWith("/v2/email/outbound-emails") || url.startsWith("/v3/mail/send"))
          && entry.path("response").path("status").asInt() / 100 == 2) {
        bodies.add(request.path("body").asText(""));
      }
    }
    return bodies;
  }

  /** How many emails mention {@code text} (an order id, an address). */
  long emailsMentioning(String text) {
    return emails().stream().filter(body -> body.contains(text)).count();
  }

  private List<JsonNode> requests(String method, String urlPrefix) {
    List<JsonNode> matching = new ArrayList<>();
    for (JsonNode entry : journal()) {
      JsonNode request = entry.get("request");
      if (request.path("method").asText().equals(method)
          && request.path("url").asText().startsWith(urlPrefix)) {
        matching.add(entry);
      }
    }
    return matching;
  }

  /** How many requests the sandbox has received. */
  int journalSize() {
    return journal().size();
  }

  private List<JsonNode> journal() {
    List<JsonNode> entries = new ArrayList<>();
    http.expect(200, send("GET", "/__admin/requests", null)).get("requests").forEach(entries::add);
    return entries;
  }

  private ShopClient.Reply send(String method, String path, String body) {
    return http.sendTo(base.resolve(path), method, body);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new java.util.HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
