package shop.localstack.stripe;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stripe's idempotent requests: a POST with an {@code Idempotency-Key} (per API key) that Stripe
 * executed is answered the same way, status and body, every time the key comes again with the same
 * parameters; with other parameters it is an {@code idempotency_error}. As at Stripe, an answer is
 * kept only once the call executed (2xx, or a card error): a request refused for its parameters may
 * be sent again with the same key.
 */
final class IdempotencyKeys {
  private record Kept(String request, StripeResponse response) {}

  private final Map<String, Kept> byKey = new HashMap<>();

  StripeResponse answer(StripeRequest request, Supplier<StripeResponse> execute) {
    if (request.idempotencyKey() == null || !request.method().equals("POST")) {
      return execute.get();
    }
    String key = request.apiKey() + " " + request.idempotencyKey();
    String signature = request.path() + " " + request.form().canonical();
    Kept kept = byKey.get(key);
    if (kept != null) {
      if (!kept.request().equals(signature)) {
        throw StripeFailure.idempotency(
            "Keys for idempotent requests can only be used with the same parameters they were"
                + " first used with. Try using a key other than '"
                + request.idempotencyKey()
                + "' if you meant to execute a different request.");
      }
      StripeResponse first = kept.response();
      return new StripeResponse(first.status(), first.body().deepCopy(), true);
    }
    StripeResponse response = execute.get();
    if (response.status() / 100 == 2 || response.status() == 402) {
      byKey.put(key, new Kept(signature, response));
    }
    return response;
  }
}
