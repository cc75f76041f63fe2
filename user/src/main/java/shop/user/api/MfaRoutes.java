package shop.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.auth.EnrolTotp;

/** The caller's own second factor: TOTP enrolment and its confirmation. */
final class MfaRoutes {
  private final UserModule m;

  MfaRoutes(UserModule module) {
    this.m = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /users/me/mfa/totp", this::enrol)
        .route("POST /users/me/mfa/totp/confirm", this::confirm);
  }

  // The only answer that ever carries the secret: never cached. The password is a guess like a
  // login's: counted against the caller's address.
  private HttpResponse enrol(HttpRequest req) {
    var userId = Callers.id(req);
    m.sourceThrottle().admit(req.sourceIp());
    String password = req.body(PasswordRequest.class).password();
    EnrolTotp.Enrolment enrolment = m.enrolTotp().enrol(userId, password, req.sourceIp());
    return HttpResponse.of(201, new Enrolment(enrolment.secret(), enrolment.uri()))
        .withHeader("Cache-Control", "no-store");
  }

  // A code is a guess at a 6-digit number: counted against the caller's address like a password.
  private HttpResponse confirm(HttpRequest req) {
    var userId = Callers.id(req);
    m.sourceThrottle().admit(req.sourceIp());
    m.confirmTotp().confirm(userId, req.body(OtpRequest.class).otp(), req.sourceIp());
    return HttpResponse.noContent();
  }

  record PasswordRequest(@NotBlank @Size(max = 1024) String password) {
    @Override
    public String toString() {
      return "PasswordRequest[]";
    }
  }

  record OtpRequest(@NotBlank @Size(max = 10) String otp) {
    @Override
    public String toString() {
      return "OtpRequest[]";
    }
  }

  record Enrolment(String secret, String otpauthUri) {
    @Override
    public String toString() {
      return "Enrolment[]";
    }
  }
}
