package shop.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.payment.PaymentMethod;

/** The caller's saved cards; another user's card is not found. */
final class PaymentMethodRoutes {
  private static final String ITEM = "/users/me/payment-methods/{id}";

  private final UserModule m;

  PaymentMethodRoutes(UserModule module) {
    this.m = module;
  }

  void register(HttpApi.Builder api) {
    api.route("GET /users/me/payment-methods", this::list)
        .route("POST /users/me/payment-methods", this::add)
        .route("DELETE " + ITEM, this::remove)
        .route("POST " + ITEM + "/default", this::makeDefault);
  }

  private HttpResponse list(HttpRequest req) {
    return HttpResponse.ok(
        new Listing(m.listPaymentMethods().list(Callers.id(req)).stream().map(View::of).toList()));
  }

  private HttpResponse add(HttpRequest req) {
    var userId = Callers.id(req);
    String stripeId = req.body(AddRequest.class).stripePaymentMethodId();
    PaymentMethod pm = m.addPaymentMethod().add(userId, stripeId);
    return HttpResponse.created("/users/me/payment-methods/" + pm.id(), View.of(pm));
  }

  private HttpResponse remove(HttpRequest req) {
    m.removePaymentMethod().remove(Callers.id(req), req.path("id"));
    return HttpResponse.noContent();
  }

  private HttpResponse makeDefault(HttpRequest req) {
    return HttpResponse.ok(
        View.of(m.makeDefaultPaymentMethod().makeDefault(Callers.id(req), req.path("id"))));
  }

  record AddRequest(
      @NotBlank
          @Pattern(
              regexp = "^pm_[A-Za-z0-9_]{1,250}$",
              message = "must be a Stripe payment method id (pm_...)")
          String stripePaymentMethodId) {}

  /** Only brand, last four digits and expiry, ever. */
  record View(String id, String brand, String last4, int expMonth, int expYear, boolean isDefault) {
    static View of(PaymentMethod pm) {
      return new View(
          pm.id(),
          pm.card().brand(),
          pm.card().last4(),
          pm.card().expMonth(),
          pm.card().expYear(),
          pm.isDefault());
    }
  }

  record Listing(List<View> items) {}
}
