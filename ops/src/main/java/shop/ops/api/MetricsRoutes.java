package shop.ops.api;

import shop.ops.OpsModule;
import shop.ops.metrics.ShowMetrics;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;

/** The live metrics of the operator console: routes, consumers, dead-letter queues. Ops only. */
final class MetricsRoutes {
  private final ShowMetrics showMetrics;

  MetricsRoutes(OpsModule module) {
    this.showMetrics = module.showMetrics();
  }

  void register(HttpApi.Builder api) {
    api.route("GET /admin/metrics", this::show);
  }

  private HttpResponse show(HttpRequest request) {
    request.callerWithRole(Caller.OPS);
    return HttpResponse.ok(
        showMetrics.show(new ShowMetrics.Query(request.queryInt("minutes", 15, 1, 1440))));
  }
}
