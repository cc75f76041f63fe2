package shop.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;

/** Granting and revoking roles: admins only. */
final class AdminRoutes {
  private AdminRoutes() {}

  static void register(HttpApi.Builder api, UserModule m) {
    api.route(
        "POST /admin/users/{id}/roles",
        req -> {
          req.callerWithRole(Caller.ADMIN);
          var userId = Problems.id(req.path("id"), "user");
          m.grantRole().grant(userId, req.body(RoleRequest.class).role());
          return HttpResponse.noContent();
        });
    api.route(
        "DELETE /admin/users/{id}/roles/{role}",
        req -> {
          req.callerWithRole(Caller.ADMIN);
          m.revokeRole()
              .revoke(Callers.id(req), Problems.id(req.path("id"), "user"), req.path("role"));
          return HttpResponse.noContent();
        });
  }

  record RoleRequest(@NotBlank @Size(max = 50) String role) {}
}
