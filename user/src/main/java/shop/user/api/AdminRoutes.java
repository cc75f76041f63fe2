package shop.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;

/** Granting and revoking roles: staff with the users role, logged in with their second factor. */
final class AdminRoutes {
  private final UserModule m;

  AdminRoutes(UserModule module) {
    this.m = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /admin/users/{id}/roles", this::grant)
        .route("DELETE /admin/users/{id}/roles/{role}", this::revoke);
  }

  private HttpResponse grant(HttpRequest req) {
    req.callerWithRole(Caller.USERS);
    var userId = PathIds.uuid(req.path("id"), "user");
    m.grantRole().grant(userId, req.body(RoleRequest.class).role(), actor(req));
    return HttpResponse.noContent();
  }

  private HttpResponse revoke(HttpRequest req) {
    req.callerWithRole(Caller.USERS);
    var userId = PathIds.uuid(req.path("id"), "user");
    m.revokeRole().revoke(Callers.id(req), userId, req.path("role"), actor(req));
    return HttpResponse.noContent();
  }

  // Who acted, from where: the security log's source of a role change.
  private static String actor(HttpRequest req) {
    return "staff " + Callers.id(req) + " from " + req.sourceIp();
  }

  record RoleRequest(@NotBlank @Size(max = 50) String role) {}
}
