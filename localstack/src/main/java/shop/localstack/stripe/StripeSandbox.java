package shop.localstack.stripe;

import com.github.tomakehurst.wiremock.extension.Extension;

/**
 * A Stripe that remembers: the WireMock extensions that answer Stripe's API from state (customers,
 * payment methods, payment intents, charges, refunds, webhook endpoints, events), send signed
 * webhooks, and add the sandbox's admin routes under {@code /__admin/stripe}. The provider sandbox
 * registers them with its catch-all {@code /v1/...} mapping.
 */
public final class StripeSandbox implements AutoCloseable {
  /** The transformer the catch-all mapping names. */
  public static final String TRANSFORMER = StripeApiTransformer.NAME;

  private final WebhookSender sender = new WebhookSender();
  private final StripeApi api = new StripeApi(sender);

  /** The extensions to register with the WireMock server. */
  public Extension[] extensions() {
    return new Extension[] {new StripeApiTransformer(api), new StripeAdminRoutes(api)};
  }

  /** Stops sending webhooks. */
  @Override
  public void close() {
    sender.close();
  }
}
