package shop.localstack.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import shop.localstack.app.seeds.DemoAdmin;

/**
 * {@code ./shop demo}: a scripted checkout against a running local shop, printed as a trail. A
 * customer registers, saves a card and buys two mugs (paid; staff then ship them and the parcel is
 * delivered), then tries a card that is declined (cancelled, stock released); the trail shows each
 * order's events and the notifications and provider calls they caused.
 */
public final class ShopDemo {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final URI api;
  private final URI sandbox;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();

  public ShopDemo(URI api, URI sandbox, PrintStream out) {
    this.api = api;
    this.sandbox = sandbox;
    this.out = out;
  }

  /** What the demo ended with. */
  public record Outcome(
      String email,
      String paidOrderStatus,
      String declinedOrderStatus,
      int notifications,
      int stockBefore,
      int stockAfter) {}

  public static void main(String[] args) throws Exception {
    JsonNode local =
        JSON.readTree(Path.of(args.length > 0 ? args[0] : ".shop/local.json").toFile());
    Outcome outcome =
        new ShopDemo(
                URI.create(local.get("apiUrl").asText()),
                URI.create(local.get("sandboxUrl").asText()),
                System.out)
            .run();
    System.exit(
        outcome.paidOrderStatus().equals("PAID")
                && outcome.declinedOrderStatus().equals("CANCELLED")
            ? 0
            : 1);
  }

  public Outcome run() throws IOException, InterruptedException {
    String email = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String password = "a long demo password";
    step("register " + email);
    call(
        "POST",
        "/auth/register",
        null,
        body(
            "email",
            email,
            "password",
            password,
            "name",
            "Demo Customer",
            "phone",
            "+447700900123"),
        201);
    String first = login(email, password);
    call("PATCH", "/users/me", first, JSON.createObjectNode().put("smsOptIn", true), 200);
    // A fresh token carries the SMS consent just given.
    String token = login(email, password);
    step("save the test cards pm_card_visa and pm_card_chargeDeclined");
    String visa = saveCard(token, "pm_card_visa");
    String declining = saveCard(token, "pm_card_chargeDeclined");
    // The cards are attached to the Stripe customer made with the first one, and Stripe charges an
    // attached card only with its customer, which checkout takes from the token: a fresh one.
    token = login(email, password);

    JsonNode product = call("GET", "/products?limit=1", null, null, 200).get("items").get(0);
    String productId = product.get("id").asText();
    int stockBefore = product.get("stock").asInt();
    step("buy 2 x " + product.get("name").asText() + " (stock " + stockBefore + ")");
    JsonNode paid = checkout(token, productId, visa);
    String paidStatus = settle(token, paid.get("id").asText());
    shipAndDeliver(token, paid.get("id").asText());

    step("buy again with the card that is declined");
    JsonNode declined = checkout(token, productId, declining);
    String declinedStatus = settle(token, declined.get("id").asText());
    // The declined order's stock comes back when inventory consumes OrderCancelled: wait for it.
    int stockAfter = settledStock(productId, stockBefore - 2);
    out.printf(
        "stock of %s: %d before, %d after (2 sold, the declined order's 2 released)%n",
        product.get("sku").asText(), stockBefore, stockAfter);

    JsonNode notifications = waitForNotifications(token, 4);
    step("notifications sent to " + email);
    for (JsonNode n : notifications.get("items")) {
      out.printf(
          "  %-5s %-16s %-6s %s%n",
          n.get("channel").asText(),
          n.get("template").asText(),
          n.get("status").asText(),
          n.path("orderId").asText(""));
    }
    step("provider calls recorded by the sandbox (" + sandbox + "/__admin/requests)");
    JsonNode journal =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(sandbox.resolve("/__admin/requests?limit=50")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    for (JsonNode entry : journal.get("requests")) {
      JsonNode request = entry.get("request");
      out.printf("  %-6s %s%n", request.get("method").asText(), request.get("url").asText());
    }
    return new Outcome(
        email,
        paidStatus,
        declinedStatus,
        notifications.get("items").size(),
        stockBefore,
        stockAfter);
  }

  /** Staff (the seeded admin) ship the paid order and mark its parcel delivered. */
  private void shipAndDeliver(String token, String orderId)
      throws IOException, InterruptedException {
    step("staff ship the paid order; the parcel is delivered");
    ObjectNode staffLogin =
        body("email", DemoAdmin.EMAIL, "password", DemoAdmin.PASSWORD, "otp", DemoAdmin.otp());
    String staff = call("POST", "/auth/login", null, staffLogin, 200).get("accessToken").asText();
    String tracking = "DEMO" + orderId.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    JsonNode parcel =
        call(
            "POST",
            "/admin/orders/" + orderId + "/shipments",
            staff,
            body(
                "carrier",
                "DHL",
                "trackingNumber",
                tracking,
                "trackingUrl",
                "https://tracking.example/" + tracking),
            201);
    out.printf("  201 shipment %s DHL %s%n", parcel.get("id").asText(), tracking);
    call("POST", "/admin/shipments/" + parcel.get("id").asText() + "/delivered", staff, null, 200);
    JsonNode history = call("GET", "/orders/" + orderId, token, null, 200).get("history");
    for (JsonNode h : history) {
      if (h.get("version").asInt() > 3) {
        out.printf(
            "  v%d %-22s -> %s%n",
            h.get("version").asInt(), h.get("event").asText(), h.get("status").asText());
      }
    }
  }

  /** Saves a Stripe test card; like Stripe, the saved payment method gets an id of its own. */
  private String saveCard(String token, String testCard) throws IOException, InterruptedException {
    return call(
            "POST",
            "/users/me/payment-methods",
            token,
            body("stripePaymentMethodId", testCard),
            201)
        .get("id")
        .asText();
  }

  private String login(String email, String password) throws IOException, InterruptedException {
    return call("POST", "/auth/login", null, body("email", email, "password", password), 200)
        .get("accessToken")
        .asText();
  }

  private JsonNode checkout(String token, String productId, String paymentMethod)
      throws IOException, InterruptedException {
    ObjectNode order = JSON.createObjectNode();
    order.putArray("items").addObject().put("productId", productId).put("quantity", 2);
    order.put("paymentMethodId", paymentMethod);
    order
        .putObject("shippingAddress")
        .put("name", "Demo Customer")
        .put("line1", "1 Demo Street")
        .put("city", "London")
        .put("postalCode", "N1 1AA")
        .put("country", "GB");
    HttpRequest request =
        HttpRequest.newBuilder(api.resolve("/orders"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(order.toString()))
            .build();
    JsonNode created =
        expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 201, "POST /orders");
    out.printf(
        "  201 order %s %s %d %s%n",
        created.get("id").asText(),
        created.get("status").asText(),
        created.get("total").asLong(),
        created.get("currency").asText());
    return created;
  }

  /** Follows the order until it stops moving, printing each event of its history once. */
  private String settle(String token, String orderId) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(SETTLE);
    int printed = 0;
    String status = "PENDING";
    while (Instant.now().isBefore(deadline)) {
      JsonNode order = call("GET", "/orders/" + orderId, token, null, 200);
      JsonNode history = order.get("history");
      for (int i = printed; i < history.size(); i++) {
        JsonNode h = history.get(i);
        out.printf(
            "  v%d %-22s -> %s%n",
            h.get("version").asInt(), h.get("event").asText(), h.get("status").asText());
      }
      printed = history.size();
      status = order.get("status").asText();
      if (status.equals("PAID") || status.equals("CANCELLED") || status.equals("REFUNDED")) {
        return status;
      }
      Thread.sleep(200);
    }
    out.println("  still " + status + " after " + SETTLE.toSeconds() + " s");
    return status;
  }

  private int settledStock(String productId, int expected)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(SETTLE);
    int stock = call("GET", "/products/" + productId, null, null, 200).get("stock").asInt();
    while (stock != expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      stock = call("GET", "/products/" + productId, null, null, 200).get("stock").asInt();
    }
    return stock;
  }

  private JsonNode waitForNotifications(String token, int atLeast)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(SETTLE);
    JsonNode notifications = call("GET", "/notifications", token, null, 200);
    while (notifications.get("items").size() < atLeast && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      notifications = call("GET", "/notifications", token, null, 200);
    }
    return notifications;
  }

  private JsonNode call(String method, String path, String token, JsonNode body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    return expect(
        http.send(request.build(), HttpResponse.BodyHandlers.ofString()),
        expected,
        method + " " + path);
  }

  private static JsonNode expect(HttpResponse<String> response, int expected, String what)
      throws IOException {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          what + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body() == null || response.body().isEmpty()
        ? JSON.createObjectNode()
        : JSON.readTree(response.body());
  }

  private static ObjectNode body(String... pairs) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      node.put(pairs[i], pairs[i + 1]);
    }
    return node;
  }

  private void step(String text) {
    out.println("== " + text);
  }
}
