package shop.localstack.stripe;

/**
 * One call of Stripe's API: method, path ({@code /v1/...}), parameters, the caller's API key and
 * idempotency key (either may be null), and the request id the answer carries.
 */
record StripeRequest(
    String id, String method, String path, Form form, String apiKey, String idempotencyKey) {

  static StripeRequest of(
      String method, String path, String encodedForm, String authorization, String idempotency) {
    String apiKey =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring("Bearer ".length()).trim()
            : null;
    return new StripeRequest(
        "req_" + StripeJson.random(14), method, path, Form.parse(encodedForm), apiKey, idempotency);
  }
}
