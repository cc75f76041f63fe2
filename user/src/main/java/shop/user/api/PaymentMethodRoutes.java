package shop.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.payment.PaymentMethod;

/** The caller's saved cards; another user's card is not found. */
final class PaymentMethodRoutes {
  private static final String ITEM = "/users/me/payment-methods/{id}";

  private PaymentMethodRoutes() {}

  static void register(HttpApi.Builder api, UserModule m) {
    api.route(
        "GET /users/me/payment-methods",
        req ->
            HttpResponse.ok(
                new Listing(
                    m.listPaymentMethods().list(Callers.id(req)).stream().map(View::of).toList())));
    api.route(
        "POST /users/me/payment-methods",
        req -> {
          var userId = Callers.id(req);
          String stripeId = req.body(AddRequest.class).stripePaymentMethodId();
          PaymentMethod pm = m.addPaymentMethod().add(userId, stripeId);
          return HttpResponse.created("/users/me/payment-methods/" + pm.id(), View.of(pm));
        });
    api.route(
        "DELETE " + ITEM,
        req -> {
          m.removePaymentMethod().remove(Callers.id(req), req.path("id"));
          return HttpResponse.noContent();
        });
    api.route(
        "POST " + ITEM + "/default",
        req ->
            HttpResponse.ok(
                View.of(
                    m.makeDefaultPaymentMethod().makeDefault(Callers.id(req), req.path("id")))));
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

  record Listing(java.util.List<View> items) {}
}
