package shop.ops.api;

import java.util.Map;
import java.util.Optional;
import shop.ops.OpsModule;
import shop.ops.outbox.ListParkedEvents;
import shop.ops.outbox.RetryParkedEvents;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;

/** Events parked in the services' outboxes: list them, put them back in line. Admins only. */
final class OutboxRoutes {
  private final ListParkedEvents list;
  private final RetryParkedEvents retry;

  OutboxRoutes(OpsModule module) {
    this.list = module.listParkedEvents();
    this.retry = module.retryParkedEvents();
  }

  void register(HttpApi.Builder api) {
    api.route("GET /admin/outbox/parked", this::parked)
        .route("POST /admin/outbox/parked/{id}/retry", this::retryOne)
        .route("POST /admin/outbox/parked/retry", this::retryAll);
  }

  private HttpResponse parked(HttpRequest request) {
    request.callerWithRole(Caller.OPS);
    int limit = request.queryInt("limit", 50, 1, ListParkedEvents.MAX_PER_SERVICE);
    return HttpResponse.ok(Map.of("items", list.list(request.query("service"), limit)));
  }

  private HttpResponse retryOne(HttpRequest request) {
    Caller caller = request.callerWithRole(Caller.OPS);
    String service = retry.retry(request.path("id"), caller.email());
    return HttpResponse.ok(Map.of("retried", 1, "service", service));
  }

  private HttpResponse retryAll(HttpRequest request) {
    Caller caller = request.callerWithRole(Caller.OPS);
    Optional<String> service = request.query("service");
    return HttpResponse.ok(Map.of("retried", retry.retryAll(service, caller.email())));
  }
}
