package shop.localstack.app;

import static shop.client.ShopApi.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import shop.client.ApiFailure;
import shop.client.ShopApi;
import shop.client.notification.model.Notification;
import shop.client.notification.model.NotificationPage;
import shop.client.product.model.Product;
import shop.client.transaction.model.Address;
import shop.client.transaction.model.OrderDetail;
import shop.client.transaction.model.OrderDetailAllOfHistory;
import shop.client.transaction.model.OrderStatus;
import shop.client.transaction.model.PlaceOrderRequest;
import shop.client.transaction.model.PlaceOrderRequestItemsInner;
import shop.client.transaction.model.PlacedOrder;
import shop.client.transaction.model.Shipment;
import shop.client.transaction.model.ShipmentRequest;
import shop.client.user.model.LoginRequest;
import shop.client.user.model.PaymentMethodRequest;
import shop.client.user.model.ProfilePatch;
import shop.client.user.model.RegisterRequest;
import shop.localstack.app.seeds.DemoAdmin;

/**
 * {@code ./shop demo}: a scripted checkout against a running local shop, printed as a trail. A
 * customer registers, saves a card and buys two mugs (paid; staff then ship them and the parcel is
 * delivered), then tries a card that is declined (cancelled, stock released); the trail shows each
 * order's events and the notifications and provider calls they caused. It calls the API through the
 * client generated from the services' contracts ({@link ShopApi}), so a contract that drifts from
 * its service breaks the demo first.
 */
public final class ShopDemo {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final URI api;
  private final URI sandbox;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ShopApi shop;

  public ShopDemo(URI api, URI sandbox, PrintStream out) {
    this.api = api;
    this.sandbox = sandbox;
    this.out = out;
    this.shop = ShopApi.at(api);
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
        () ->
            shop.user()
                .registerUser(
                    new RegisterRequest()
                        .email(email)
                        .password(password)
                        .name("Demo Customer")
                        .phone("+447700900123"),
                    null));
    String first = login(email, password);
    call(() -> shop.user().updateProfile(new ProfilePatch().smsOptIn(true), bearer(first)));
    // A fresh token carries the SMS consent just given.
    String token = login(email, password);
    step("save the test cards pm_card_visa and pm_card_chargeDeclined");
    String visa = saveCard(token, "pm_card_visa");
    String declining = saveCard(token, "pm_card_chargeDeclined");
    // The token predates the Stripe customer the first card made: payment finds it through Stripe,
    // and charges it once the customer's metadata names this account.
    String buyer = token;

    Product product =
        call(() -> shop.product().listProducts(null, null, null, null, null, 1, null))
            .getItems()
            .get(0);
    String productId = product.getId();
    int stockBefore = product.getStock();
    step("buy 2 x " + product.getName() + " (stock " + stockBefore + ")");
    PlacedOrder paid = checkout(buyer, productId, visa);
    String paidStatus = settle(buyer, paid.getId());
    shipAndDeliver(buyer, paid.getId());

    step("buy again with the card that is declined");
    PlacedOrder declined = checkout(buyer, productId, declining);
    String declinedStatus = settle(buyer, declined.getId());
    // The declined order's stock comes back when inventory consumes OrderCancelled: wait for it.
    int stockAfter = settledStock(productId, stockBefore - 2);
    out.printf(
        "stock of %s: %d before, %d after (2 sold, the declined order's 2 released)%n",
        product.getSku(), stockBefore, stockAfter);

    NotificationPage notifications = waitForNotifications(buyer, 4);
    step("notifications sent to " + email);
    for (Notification n : notifications.getItems()) {
      out.printf(
          "  %-5s %-16s %-6s %s%n",
          n.getChannel(),
          n.getTemplate(),
          n.getStatus(),
          n.getOrderId() == null ? "" : n.getOrderId());
    }
    step("provider calls recorded by the sandbox (" + sandbox + "/__admin/requests)");
    // The sandbox is not the shop's API (it has no contract of ours): plain HTTP.
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
        notifications.getItems().size(),
        stockBefore,
        stockAfter);
  }

  /** Staff (the seeded admin) ship the paid order and mark its parcel delivered. */
  private void shipAndDeliver(String token, String orderId) {
    step("staff ship the paid order; the parcel is delivered");
    String staff =
        call(() ->
                shop.user()
                    .logIn(
                        new LoginRequest()
                            .email(DemoAdmin.EMAIL)
                            .password(DemoAdmin.PASSWORD)
                            .otp(DemoAdmin.otp()),
                        null))
            .getAccessToken();
    String tracking = "DEMO" + orderId.substring(0, 8).toUpperCase(Locale.ROOT);
    Shipment parcel =
        call(
            () ->
                shop.transaction()
                    .shipOrder(
                        orderId,
                        new ShipmentRequest()
                            .carrier("DHL")
                            .trackingNumber(tracking)
                            .trackingUrl(URI.create("https://tracking.example/" + tracking)),
                        bearer(staff)));
    out.printf("  201 shipment %s DHL %s%n", parcel.getId(), tracking);
    call(() -> shop.transaction().markShipmentDelivered(parcel.getId(), bearer(staff)));
    List<OrderDetailAllOfHistory> history =
        call(() -> shop.transaction().getOrder(orderId, bearer(token))).getHistory();
    // settle() printed the history up to PAID; what follows is the parcel's.
    boolean afterPayment = false;
    for (OrderDetailAllOfHistory h : history) {
      if (afterPayment) {
        out.printf("  v%d %-22s -> %s%n", h.getVersion(), h.getEvent(), h.getStatus());
      }
      afterPayment |= h.getStatus() == OrderStatus.PAID;
    }
  }

  /** Saves a Stripe test card; like Stripe, the saved payment method gets an id of its own. */
  private String saveCard(String token, String testCard) {
    return call(() ->
            shop.user()
                .addPaymentMethod(
                    new PaymentMethodRequest().stripePaymentMethodId(testCard), bearer(token)))
        .getId();
  }

  private String login(String email, String password) {
    return call(() -> shop.user().logIn(new LoginRequest().email(email).password(password), null))
        .getAccessToken();
  }

  private PlacedOrder checkout(String token, String productId, String paymentMethod) {
    PlaceOrderRequest order =
        new PlaceOrderRequest()
            .addItemsItem(new PlaceOrderRequestItemsInner().productId(productId).quantity(2))
            .paymentMethodId(paymentMethod)
            .shippingAddress(
                new Address()
                    .name("Demo Customer")
                    .line1("1 Demo Street")
                    .city("London")
                    .postalCode("N1 1AA")
                    .country("GB"));
    PlacedOrder created =
        call(
            () ->
                shop.transaction().placeOrder(UUID.randomUUID().toString(), order, bearer(token)));
    out.printf(
        "  201 order %s %s %d %s%n",
        created.getId(), created.getStatus(), created.getTotal(), created.getCurrency());
    return created;
  }

  /** Follows the order until it stops moving, printing each event of its history once. */
  private String settle(String token, String orderId) throws InterruptedException {
    Instant deadline = Instant.now().plus(SETTLE);
    int printed = 0;
    OrderStatus status = OrderStatus.PENDING;
    while (Instant.now().isBefore(deadline)) {
      OrderDetail order = call(() -> shop.transaction().getOrder(orderId, bearer(token)));
      List<OrderDetailAllOfHistory> history = order.getHistory();
      for (OrderDetailAllOfHistory h : history.subList(printed, history.size())) {
        out.printf("  v%d %-22s -> %s%n", h.getVersion(), h.getEvent(), h.getStatus());
      }
      printed = history.size();
      status = order.getStatus();
      if (status == OrderStatus.PAID
          || status == OrderStatus.CANCELLED
          || status == OrderStatus.REFUNDED) {
        return status.getValue();
      }
      Thread.sleep(200);
    }
    out.println("  still " + status + " after " + SETTLE.toSeconds() + " s");
    return status.getValue();
  }

  private int settledStock(String productId, int expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(SETTLE);
    int stock = stock(productId);
    while (stock != expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      stock = stock(productId);
    }
    return stock;
  }

  private int stock(String productId) {
    return call(() -> shop.product().getProduct(productId, null)).getStock();
  }

  private NotificationPage waitForNotifications(String token, int atLeast)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(SETTLE);
    NotificationPage notifications =
        call(() -> shop.notification().listMyNotifications(null, bearer(token)));
    while (notifications.getItems().size() < atLeast && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      notifications = call(() -> shop.notification().listMyNotifications(null, bearer(token)));
    }
    return notifications;
  }

  /**
   * One call through the generated client; an answer other than 2xx stops the demo, naming what it
   * was.
   */
  private static <T> T call(ShopApi.Call<T> call) {
    try {
      return ShopApi.call(call);
    } catch (ApiFailure e) {
      throw new IllegalStateException("the shop answered " + e.getMessage(), e);
    }
  }

  private void step(String text) {
    out.println("== " + text);
  }
}
