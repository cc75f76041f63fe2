package shop.transaction.api;

import java.util.Map;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.transaction.TransactionModule;

/**
 * Stripe's webhook: no token, the signature over the raw body authenticates it ({@code
 * ApplyPaymentNotice} checks it).
 */
final class StripeWebhookRoutes {
  private final TransactionModule module;

  StripeWebhookRoutes(TransactionModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /webhooks/stripe", this::notice);
  }

  private HttpResponse notice(HttpRequest request) {
    module
        .applyPaymentNotice()
        .apply(request.body(), request.header("Stripe-Signature").orElse(null));
    return HttpResponse.ok(Map.of("received", true));
  }
}
