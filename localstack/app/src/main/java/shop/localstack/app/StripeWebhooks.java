package shop.localstack.app;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointCreateParams.EnabledEvent;
import java.net.URI;

/**
 * The shop's webhook endpoint at Stripe, registered with the sandbox as an operator registers it
 * with Stripe: {@code POST /v1/webhook_endpoints} for {@code <api>/webhooks/stripe} and the events
 * transaction handles. The answer's signing secret is the one the transaction service verifies with
 * (and the one {@code ./shop up} writes to {@code .shop/local.json}).
 */
final class StripeWebhooks {
  /** The operator's key: only the sandbox's test keys exist here. */
  private static final String OPERATOR_KEY = "sk_test_local_operator";

  private StripeWebhooks() {}

  /** Registers {@code api}'s webhook route with the sandbox at {@code sandbox}; its secret. */
  static String register(URI sandbox, URI api) {
    StripeClient stripe =
        StripeClient.builder()
            .setApiKey(OPERATOR_KEY)
            .setApiBase(sandbox.toString())
            .setMaxNetworkRetries(2)
            .build();
    try {
      return stripe
          .v1()
          .webhookEndpoints()
          .create(
              WebhookEndpointCreateParams.builder()
                  .setUrl(api.resolve("/webhooks/stripe").toString())
                  .setDescription("the local shop's transaction service")
                  .addEnabledEvent(EnabledEvent.PAYMENT_INTENT__SUCCEEDED)
                  .addEnabledEvent(EnabledEvent.PAYMENT_INTENT__PAYMENT_FAILED)
                  .addEnabledEvent(EnabledEvent.CHARGE__REFUNDED)
                  .build())
          .getSecret();
    } catch (StripeException e) {
      throw new IllegalStateException(
          "the sandbox did not register the Stripe webhook endpoint: " + e.getMessage(), e);
    }
  }
}
