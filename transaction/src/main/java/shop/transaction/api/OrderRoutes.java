package shop.transaction.api;

import java.util.HashSet;
import java.util.Set;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.platform.http.ProblemException;
import shop.transaction.TransactionModule;
import shop.transaction.order.OrderPage;
import shop.transaction.order.PlacedOrder;

/**
 * The customer's orders: checkout, their list, one with its history, its payment's next step,
 * cancelling.
 */
final class OrderRoutes {
  private final TransactionModule module;

  OrderRoutes(TransactionModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /orders", this::place)
        .route("GET /orders", this::mine)
        .route("GET /orders/{id}", this::one)
        .route("GET /orders/{id}/payment", this::payment)
        .route("POST /orders/{id}/cancel", this::cancel);
  }

  private HttpResponse place(HttpRequest request) {
    Caller caller = request.caller();
    String key =
        request
            .header("Idempotency-Key")
            .filter(k -> !k.isBlank() && k.length() <= 255)
            .orElseThrow(
                () ->
                    ProblemException.invalidField("Idempotency-Key", "is required (1-255 chars)"));
    PlaceOrderRequest body = request.body(PlaceOrderRequest.class);
    rejectRepeatedProducts(body);
    PlacedOrder placed = module.placeOrder().place(Commands.placeOrder(caller, key, body));
    return HttpResponse.created("/orders/" + placed.order().id(), OrderJson.Placed.of(placed));
  }

  private HttpResponse mine(HttpRequest request) {
    Caller caller = request.caller();
    OrderPage page =
        module
            .viewOrders()
            .mine(caller.userId(), Cursors.from(request), request.queryInt("limit", 20, 1, 100));
    return HttpResponse.ok(OrderJson.Page.of(page));
  }

  private HttpResponse one(HttpRequest request) {
    Caller caller = request.caller();
    var view =
        module.viewOrders().one(request.path("id"), caller.userId(), caller.actsAs(Caller.ORDERS));
    return HttpResponse.ok(OrderJson.Detail.of(view));
  }

  private HttpResponse payment(HttpRequest request) {
    Caller caller = request.caller();
    var state = module.viewPayment().of(request.path("id"), caller.userId());
    return HttpResponse.ok(OrderJson.Payment.of(state));
  }

  private HttpResponse cancel(HttpRequest request) {
    Caller caller = request.caller();
    var order = module.cancelOrder().cancel(request.path("id"), caller.userId());
    return HttpResponse.ok(OrderJson.Summary.of(order));
  }

  /** One line per product: a repeated product is a client mistake, named by its position. */
  private static void rejectRepeatedProducts(PlaceOrderRequest body) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < body.items().size(); i++) {
      if (!seen.add(body.items().get(i).productId())) {
        throw ProblemException.invalidField(
            "items[" + i + "].productId", "is already in the order; raise its quantity instead");
      }
    }
  }
}
