package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.platform.http.ProblemException;
import shop.transaction.TransactionModule;
import shop.transaction.order.OrderPage;
import shop.transaction.order.OrderStatus;
import shop.transaction.order.PlaceOrderCommand;

/**
 * The transaction service's HTTP API (routes as in openapi.yaml): checkout, the customer's orders,
 * cancelling, the admin listing and Stripe's webhook.
 */
public final class OrdersApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final TransactionModule module;
  private final HttpApi api;

  /** For the Lambda runtime. */
  public OrdersApi() {
    this(TransactionModule.instance());
  }

  public OrdersApi(TransactionModule module) {
    this.module = module;
    this.api =
        Problems.mapDomainExceptions(HttpApi.builder())
            .jwtVerifier(module.jwtVerifier())
            .route("POST /orders", this::placeOrder)
            .route("GET /orders", this::myOrders)
            .route("GET /orders/{id}", this::order)
            .route("POST /orders/{id}/cancel", this::cancel)
            .route("GET /admin/orders", this::allOrders)
            .route("POST /webhooks/stripe", this::stripeWebhook)
            .build();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event);
  }

  /** The routing table, for the route contract test. */
  public HttpApi api() {
    return api;
  }

  private HttpResponse placeOrder(HttpRequest request) {
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
    PlaceOrderCommand command = Commands.placeOrder(caller, key, body);
    var placed = module.placeOrder().place(command);
    return HttpResponse.created("/orders/" + placed.order().id(), OrderJson.Placed.of(placed));
  }

  private HttpResponse myOrders(HttpRequest request) {
    Caller caller = request.caller();
    OrderPage page =
        module
            .viewOrders()
            .mine(caller.userId(), Cursors.from(request), request.queryInt("limit", 20, 1, 100));
    return HttpResponse.ok(page(page));
  }

  private HttpResponse order(HttpRequest request) {
    Caller caller = request.caller();
    var view = module.viewOrders().one(request.path("id"), caller.userId(), caller.isAdmin());
    return HttpResponse.ok(OrderJson.Detail.of(view));
  }

  private HttpResponse cancel(HttpRequest request) {
    Caller caller = request.caller();
    var order = module.cancelOrder().cancel(request.path("id"), caller.userId());
    return HttpResponse.ok(OrderJson.Summary.of(order));
  }

  private HttpResponse allOrders(HttpRequest request) {
    request.callerWithRole(Caller.ADMIN);
    OrderStatus status = request.query("status").map(OrdersApi::status).orElse(null);
    OrderPage page =
        module
            .viewOrders()
            .all(status, Cursors.from(request), request.queryInt("limit", 20, 1, 100));
    return HttpResponse.ok(page(page));
  }

  private HttpResponse stripeWebhook(HttpRequest request) {
    module
        .applyPaymentNotice()
        .apply(request.body(), request.header("Stripe-Signature").orElse(null));
    return HttpResponse.ok(Map.of("received", true));
  }

  private static OrderJson.Page page(OrderPage page) {
    return new OrderJson.Page(
        page.orders().stream().map(OrderJson.Summary::of).toList(), Cursors.encode(page.next()));
  }

  private static OrderStatus status(String value) {
    try {
      return OrderStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "status", "must be one of " + List.of(OrderStatus.values()));
    }
  }

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
