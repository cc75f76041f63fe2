package shop.notification.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import shop.notification.NotificationModule;
import shop.notification.delivery.Delivery;
import shop.notification.delivery.ListNotifications;
import shop.notification.delivery.NotificationQuery;
import shop.platform.auth.Caller;
import shop.platform.domain.InvalidFieldException;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;

/** The delivery log: a customer's own sends, and an order's for admins. */
final class NotificationRoutes {
  private static final int DEFAULT_LIMIT = 20;

  private final ListNotifications list;

  NotificationRoutes(NotificationModule module) {
    this.list = module.listNotifications();
  }

  void register(HttpApi.Builder api) {
    api.route("GET /notifications", this::mine).route("GET /admin/notifications", this::ofOrder);
  }

  private HttpResponse mine(HttpRequest request) {
    String userId = request.caller().userId();
    return page(
        list.handle(NotificationQuery.ofUser(userId, limit(request))),
        NotificationView::forCustomer);
  }

  private HttpResponse ofOrder(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    String orderId =
        request
            .query("orderId")
            .orElseThrow(() -> new InvalidFieldException("orderId", "is required"));
    return page(
        list.handle(NotificationQuery.ofOrder(orderId, limit(request))),
        NotificationView::forAdmin);
  }

  private static int limit(HttpRequest request) {
    return request.queryInt("limit", DEFAULT_LIMIT, 1, NotificationQuery.MAX_LIMIT);
  }

  private static HttpResponse page(
      List<Delivery> deliveries, Function<Delivery, NotificationView> view) {
    return HttpResponse.ok(Map.of("items", deliveries.stream().map(view).toList()));
  }
}
