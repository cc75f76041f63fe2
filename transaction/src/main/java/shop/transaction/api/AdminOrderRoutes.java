package shop.transaction.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.platform.http.ProblemException;
import shop.transaction.TransactionModule;
import shop.transaction.order.CancelOrderAsStaff;
import shop.transaction.order.IssueRefundCommand;
import shop.transaction.order.OrderPage;
import shop.transaction.order.OrderSearch;
import shop.transaction.order.OrderStatus;

/**
 * Orders for staff with the orders role: search every customer's orders, refund part of one, cancel
 * one before it ships.
 */
final class AdminOrderRoutes {
  private final TransactionModule module;

  AdminOrderRoutes(TransactionModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("GET /admin/orders", this::search)
        .route("POST /admin/orders/{id}/refunds", this::refund)
        .route("POST /admin/orders/{id}/cancel", this::cancel);
  }

  private HttpResponse search(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    OrderSearch search =
        new OrderSearch(
            request.query("status").map(AdminOrderRoutes::status).orElse(null),
            request.query("customer").filter(c -> !c.isBlank()).orElse(null),
            instant(request, "from"),
            instant(request, "to"));
    OrderPage page =
        module
            .viewOrders()
            .search(search, Cursors.from(request), request.queryInt("limit", 20, 1, 100));
    return HttpResponse.ok(OrderJson.Page.of(page));
  }

  private HttpResponse refund(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    String key = request.header("Idempotency-Key").orElse(null);
    var body = request.body(AfterPaidRequests.Refund.class);
    String orderId = request.path("id");
    var issued =
        module
            .issueRefund()
            .issue(new IssueRefundCommand(orderId, key, body.amount(), body.reason()));
    return HttpResponse.created(
        "/orders/" + orderId, AfterPaidJson.RefundJson.of(issued.order(), issued.refund()));
  }

  private HttpResponse cancel(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    var body = request.body(AfterPaidRequests.Reason.class);
    var order =
        module
            .cancelOrderAsStaff()
            .cancel(new CancelOrderAsStaff.Command(request.path("id"), body.reason()));
    return HttpResponse.ok(OrderJson.Summary.of(order));
  }

  private static OrderStatus status(String value) {
    try {
      return OrderStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "status", "must be one of " + List.of(OrderStatus.values()));
    }
  }

  private static Instant instant(HttpRequest request, String name) {
    try {
      return request.query(name).map(Instant::parse).orElse(null);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          name, "must be an ISO 8601 instant (2026-12-01T00:00:00Z)");
    }
  }
}
