package shop.transaction.api;

import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.transaction.TransactionModule;
import shop.transaction.order.DecideReturn;
import shop.transaction.order.RequestReturnCommand;

/** Returns: the customer asks, staff approve or reject, and receive the parcel (which refunds). */
final class ReturnRoutes {
  private final TransactionModule module;

  ReturnRoutes(TransactionModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /orders/{id}/returns", this::request)
        .route("POST /admin/returns/{id}/approve", this::approve)
        .route("POST /admin/returns/{id}/reject", this::reject)
        .route("POST /admin/returns/{id}/receive", this::receive);
  }

  private HttpResponse request(HttpRequest request) {
    Caller caller = request.caller();
    var body = request.body(AfterPaidRequests.Return.class);
    String orderId = request.path("id");
    var asked =
        module
            .requestReturn()
            .request(
                new RequestReturnCommand(
                    orderId,
                    caller.userId(),
                    AfterPaidRequests.Line.of(body.lines()),
                    body.reason()));
    return HttpResponse.created("/orders/" + orderId, AfterPaidJson.ReturnJson.of(asked));
  }

  private HttpResponse approve(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    var decided =
        module.decideReturn().decide(new DecideReturn.Command(request.path("id"), true, null));
    return HttpResponse.ok(AfterPaidJson.ReturnJson.of(decided));
  }

  private HttpResponse reject(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    var body = request.body(AfterPaidRequests.Reason.class);
    var decided =
        module
            .decideReturn()
            .decide(new DecideReturn.Command(request.path("id"), false, body.reason()));
    return HttpResponse.ok(AfterPaidJson.ReturnJson.of(decided));
  }

  private HttpResponse receive(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    return HttpResponse.ok(
        AfterPaidJson.ReturnJson.of(module.receiveReturn().receive(request.path("id"))));
  }
}
