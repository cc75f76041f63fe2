package shop.ops.api;

import java.util.Map;
import shop.ops.OpsModule;
import shop.ops.trail.ShowOrderTrail;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;

/** One order's trail: its events, the consumers' outcomes, notifications, payments. Ops only. */
final class TrailRoutes {
  private final ShowOrderTrail showOrderTrail;

  TrailRoutes(OpsModule module) {
    this.showOrderTrail = module.showOrderTrail();
  }

  void register(HttpApi.Builder api) {
    api.route("GET /admin/orders/{id}/trail", this::trail);
  }

  private HttpResponse trail(HttpRequest request) {
    request.callerWithRole(Caller.OPS);
    return HttpResponse.ok(
        Map.of("items", showOrderTrail.show(new ShowOrderTrail.Query(request.path("id")))));
  }
}
