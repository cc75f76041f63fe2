package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * A payment the customer's bank wants to authenticate, on the local cloud with the stateful Stripe
 * sandbox: the order waits for the customer, who gets the client secret to finish 3-D Secure; a
 * well-signed but forged success changes nothing; the real completion pays the order.
 */
@ExtendWith(DrillShop.class)
class ThreeDSecureIT {

  @Test
  void anOrderNeedingAuthenticationIsPaidByTheRealCompletionAndNeverByAForgedEvent(LocalShop shop)
      throws Exception {
    ShopClient api = new ShopClient(shop);
    URI sandbox = shop.cloud().endpoints().sandboxUrl();
    String product = api.product(api.adminToken(), "3ds", 5, 4200);
    ShopClient.Customer customer = api.customer("3ds", "pm_card_authenticationRequired");
    String orderId =
        api.expect(
                201,
                api.checkout(
                    customer,
                    UUID.randomUUID().toString(),
                    ShopClient.order(product, 1, customer.paymentMethodId())))
            .get("id")
            .asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.status(customer, orderId), equalTo("PAYMENT_ACTION_REQUIRED"));

    JsonNode payment = api.expect(200, api.payment(customer, orderId));
    String clientSecret = payment.path("clientSecret").asText();
    assertThat(clientSecret).contains("_secret_");
    String intentId = clientSecret.substring(0, clientSecret.indexOf("_secret_"));

    // Someone holding the webhook secret claims the payment succeeded, for 1.00.
    String forged =
        """
        {"id":"evt_forged_%s","object":"event","api_version":"2024-06-20","type":"payment_intent.succeeded",
         "created":%d,"livemode":false,"data":{"object":{"id":"%s","object":"payment_intent",
         "amount":100,"currency":"eur","status":"succeeded","metadata":{"order_id":"%s"}}}}
        """
            .formatted(UUID.randomUUID(), Instant.now().getEpochSecond(), intentId, orderId);
    // Raw HTTP: the signature covers the exact bytes, which a client that serializes a model
    // would not keep.
    ShopClient.Reply answer =
        api.send(
            "POST",
            "/webhooks/stripe",
            null,
            forged,
            Map.of("Stripe-Signature", sign(forged, shop.stripeWebhookSecret())));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(api.status(customer, orderId)).isEqualTo("PAYMENT_ACTION_REQUIRED");

    // The customer completes the bank's challenge; Stripe's own signed event pays the order.
    api.expect(
        200,
        api.sendTo(
            sandbox.resolve("/__admin/stripe/payment_intents/" + intentId + "/authenticate"),
            "POST",
            "{\"outcome\":\"succeed\"}"));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.status(customer, orderId), equalTo("PAID"));
    JsonNode paid = api.expect(200, api.payment(customer, orderId));
    assertThat(paid.path("status").asText()).isEqualTo("PAID");
    assertThat(paid.has("clientSecret")).as("no secret once paid").isFalse();
  }

  private static String sign(String payload, String secret) throws Exception {
    long timestamp = Instant.now().getEpochSecond();
    return "t="
        + timestamp
        + ",v1="
        + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
  }
}
