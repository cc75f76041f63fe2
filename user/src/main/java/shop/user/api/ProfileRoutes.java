package shop.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.account.Account;
import shop.user.auth.ChangePassword;
import shop.user.auth.DeleteAccount;
import shop.user.auth.Session;
import shop.user.profile.ExportAccount;
import shop.user.profile.UpdateProfile;

/** The caller's own profile and password. */
final class ProfileRoutes {
  private final UserModule m;

  ProfileRoutes(UserModule module) {
    this.m = module;
  }

  void register(HttpApi.Builder api) {
    api.route("GET /users/me", this::view)
        .route("PATCH /users/me", this::update)
        .route("DELETE /users/me", this::delete)
        .route("GET /users/me/export", this::export)
        .route("POST /users/me/email-verification", this::resendVerification)
        .route("POST /users/me/password", this::changePassword);
  }

  private HttpResponse view(HttpRequest req) {
    return HttpResponse.ok(Profile.of(m.viewProfile().view(Callers.id(req))));
  }

  private HttpResponse update(HttpRequest req) {
    var userId = Callers.id(req);
    ProfilePatch body = req.body(ProfilePatch.class);
    var command = new UpdateProfile.Command(userId, body.name(), body.phone(), body.smsOptIn());
    return HttpResponse.ok(Profile.of(m.updateProfile().update(command)));
  }

  private HttpResponse resendVerification(HttpRequest req) {
    var userId = Callers.id(req);
    m.sourceThrottle().admit(req.sourceIp());
    m.resendEmailVerification().resend(userId);
    return HttpResponse.of(202, null);
  }

  private HttpResponse export(HttpRequest req) {
    return HttpResponse.ok(Export.of(m.exportAccount().export(Callers.id(req))));
  }

  // Erasure takes the password, throttled and counted like a login's.
  private HttpResponse delete(HttpRequest req) {
    var userId = Callers.id(req);
    m.sourceThrottle().admit(req.sourceIp());
    AccountDeletion body = req.body(AccountDeletion.class);
    m.deleteAccount().delete(new DeleteAccount.Command(userId, body.password(), req.sourceIp()));
    return HttpResponse.noContent();
  }

  // Every session ends with the old password; the caller gets a new one.
  private HttpResponse changePassword(HttpRequest req) {
    var userId = Callers.id(req);
    m.sourceThrottle().admit(req.sourceIp());
    PasswordChange body = req.body(PasswordChange.class);
    var command =
        new ChangePassword.Command(
            userId, body.currentPassword(), body.newPassword(), req.sourceIp());
    Session s = m.changePassword().change(command);
    return HttpResponse.ok(
            new AuthRoutes.Tokens(s.accessToken(), s.refreshToken(), "Bearer", s.expiresIn()))
        .withHeader("Cache-Control", "no-store");
  }

  record AccountDeletion(@NotBlank @Size(max = 1024) String password) {
    @Override
    public String toString() {
      return "AccountDeletion[]";
    }
  }

  record PasswordChange(
      @NotBlank @Size(max = 1024) String currentPassword,
      @NotNull @Size(min = 12, max = 128) String newPassword) {
    @Override
    public String toString() {
      return "PasswordChange[]";
    }
  }

  /** Absent fields stay as they are; an empty phone removes the number. */
  record ProfilePatch(
      @Size(min = 1, max = 200) String name,
      @Pattern(
              regexp = "^$|^\\+[1-9][0-9]{6,14}$",
              message = "must be an E.164 phone number or empty")
          String phone,
      Boolean smsOptIn) {}

  /**
   * Where the rest of what the shop keeps about the customer is: each service answers for its own.
   */
  record Elsewhere(String service, String what, String href) {}

  record Export(
      Profile profile,
      List<AddressRoutes.View> addresses,
      List<PaymentMethodRoutes.View> paymentMethods,
      CartRoutes.View cart,
      List<Elsewhere> elsewhere,
      String exportedAt) {
    static final List<Elsewhere> ELSEWHERE =
        List.of(
            new Elsewhere("transaction", "orders, their payments and refunds", "/orders"),
            new Elsewhere("notification", "the emails and SMS sent", "/notifications"));

    static Export of(ExportAccount.AccountExport e) {
      return new Export(
          Profile.of(e.account()),
          e.addresses().stream().map(AddressRoutes.View::of).toList(),
          e.paymentMethods().stream().map(PaymentMethodRoutes.View::of).toList(),
          CartRoutes.View.of(e.cart()),
          ELSEWHERE,
          e.exportedAt().toString());
    }
  }

  record Profile(
      String id,
      String email,
      String name,
      String phone,
      boolean smsOptIn,
      boolean emailVerified,
      List<String> roles,
      String createdAt) {
    static Profile of(Account a) {
      return new Profile(
          a.id().toString(),
          a.email(),
          a.name(),
          a.phone(),
          a.smsOptIn(),
          a.emailVerified(),
          a.roles().stream().sorted().toList(),
          a.createdAt().toString());
    }
  }
}
