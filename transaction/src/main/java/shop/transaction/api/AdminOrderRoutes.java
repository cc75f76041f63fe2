package shop.transaction.api;

import java.util.List;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.platform.http.ProblemException;
import shop.transaction.TransactionModule;
import shop.transaction.order.OrderPage;
import shop.transaction.order.OrderStatus;

/** Every customer's orders, for admins: newest first, optionally in one status. */
final class AdminOrderRoutes {
  private final TransactionModule module;

  AdminOrderRoutes(TransactionModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("GET /admin/orders", this::all);
  }

  private HttpResponse all(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    OrderStatus status = request.query("status").map(AdminOrderRoutes::status).orElse(null);
    OrderPage page =
        module
            .viewOrders()
            .all(status, Cursors.from(request), request.queryInt("limit", 20, 1, 100));
    return HttpResponse.ok(OrderJson.Page.of(page));
  }

  private static OrderStatus status(String value) {
    try {
      return OrderStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "status", "must be one of " + List.of(OrderStatus.values()));
    }
  }
}
