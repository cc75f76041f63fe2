package shop.notification.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import shop.notification.NotificationModule;
import shop.notification.delivery.Delivery;
import shop.notification.delivery.ListNotifications;
import shop.notification.delivery.NotificationQuery;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpResponse;
import shop.platform.http.ProblemException;

/** The delivery log over HTTP; routes as in openapi.yaml. */
public final class NotificationApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final int DEFAULT_LIMIT = 20;

  private final HttpApi api;

  public NotificationApi() {
    this(NotificationModule.instance());
  }

  public NotificationApi(NotificationModule module) {
    ListNotifications list = module.listNotifications();
    this.api =
        HttpApi.builder()
            .route(
                "GET /notifications",
                r ->
                    page(
                        list.handle(NotificationQuery.ofUser(r.caller().userId(), limit(r))),
                        NotificationView::forCustomer))
            .route(
                "GET /admin/notifications",
                r -> {
                  r.callerWithRole(Caller.ADMIN);
                  String orderId =
                      r.query("orderId")
                          .orElseThrow(
                              () -> ProblemException.invalidField("orderId", "is required"));
                  return page(
                      list.handle(NotificationQuery.ofOrder(orderId, limit(r))),
                      NotificationView::forAdmin);
                })
            .jwtVerifier(module.jwtVerifier())
            .build();
  }

  /** The routes, for the contract test against openapi.yaml. */
  public HttpApi api() {
    return api;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event);
  }

  private static int limit(shop.platform.http.HttpRequest request) {
    return request.queryInt("limit", DEFAULT_LIMIT, 1, NotificationQuery.MAX_LIMIT);
  }

  private static HttpResponse page(
      List<Delivery> deliveries, Function<Delivery, NotificationView> view) {
    return HttpResponse.ok(Map.of("items", deliveries.stream().map(view).toList()));
  }
}
