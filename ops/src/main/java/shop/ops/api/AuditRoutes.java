package shop.ops.api;

import java.util.Map;
import shop.ops.OpsModule;
import shop.ops.audit.ListAudit;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;

/** The audit log of operator actions, newest first. Admins only. */
final class AuditRoutes {
  private final ListAudit listAudit;

  AuditRoutes(OpsModule module) {
    this.listAudit = module.listAudit();
  }

  void register(HttpApi.Builder api) {
    api.route("GET /admin/audit", this::list);
  }

  private HttpResponse list(HttpRequest request) {
    request.callerWithRole(Caller.OPS);
    return HttpResponse.ok(Map.of("items", listAudit.list(request.queryInt("limit", 50, 1, 1000))));
  }
}
