package shop.localstack.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static shop.localstack.stripe.SandboxStripe.offSessionCharge;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.CardException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointCreateParams.EnabledEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.Endpoints;
import shop.localstack.LocalCloudExtension;

/**
 * Webhooks: an endpoint registered through Stripe's API gets its own signing secret, and the events
 * it is enabled for, signed as Stripe signs them (checked with stripe-java's {@link Webhook}).
 */
@ExtendWith(LocalCloudExtension.class)
class StripeWebhooksIT {
  private final SandboxStripe sandbox;
  private WebhookReceiver receiver;
  private WebhookEndpoint endpoint;

  StripeWebhooksIT(Endpoints endpoints) {
    sandbox = new SandboxStripe(endpoints.sandboxUrl());
  }

  @BeforeEach
  void register() throws Exception {
    receiver = new WebhookReceiver();
    endpoint =
        sandbox
            .stripe
            .v1()
            .webhookEndpoints()
            .create(
                WebhookEndpointCreateParams.builder()
                    .setUrl(receiver.url().toString())
                    .addEnabledEvent(EnabledEvent.PAYMENT_INTENT__SUCCEEDED)
                    .addEnabledEvent(EnabledEvent.PAYMENT_INTENT__PAYMENT_FAILED)
                    .addEnabledEvent(EnabledEvent.CHARGE__REFUNDED)
                    .build());
  }

  @AfterEach
  void unregister() throws Exception {
    sandbox.stripe.v1().webhookEndpoints().delete(endpoint.getId());
    receiver.close();
  }

  @Test
  void eachEndpointGetsASecretOfItsOwn() throws Exception {
    WebhookEndpoint other =
        sandbox
            .stripe
            .v1()
            .webhookEndpoints()
            .create(
                WebhookEndpointCreateParams.builder()
                    .setUrl("http://127.0.0.1:9/elsewhere")
                    .addEnabledEvent(EnabledEvent.CHARGE__REFUNDED)
                    .build());
    sandbox.stripe.v1().webhookEndpoints().delete(other.getId());

    assertThat(endpoint.getId()).startsWith("we_");
    assertThat(endpoint.getSecret()).startsWith("whsec_");
    assertThat(other.getSecret()).startsWith("whsec_").isNotEqualTo(endpoint.getSecret());
    assertThat(sandbox.stripe.v1().webhookEndpoints().retrieve(endpoint.getId()).getSecret())
        .as("Stripe shows the secret only when the endpoint is created")
        .isNull();
  }

  @Test
  void completedAuthenticationSendsASignedPaymentIntentSucceeded() throws Exception {
    String intent = authenticationRequired();

    assertThat(sandbox.authenticate(intent, "succeed").statusCode()).isEqualTo(200);

    Event event = awaitEvent(intent, "payment_intent.succeeded");
    PaymentIntent paid = (PaymentIntent) object(event);
    assertThat(paid.getId()).isEqualTo(intent);
    assertThat(paid.getStatus()).isEqualTo("succeeded");
    assertThat(paid.getMetadata()).containsKey("order_id");
    assertThat(event.getLivemode()).isFalse();
    assertThat(event.getId()).startsWith("evt_");
  }

  @Test
  void failedAuthenticationSendsPaymentIntentPaymentFailed() throws Exception {
    String intent = authenticationRequired();

    assertThat(sandbox.authenticate(intent, "fail").statusCode()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                receiver.mentioning(intent).stream()
                    .anyMatch(r -> r.payload().contains("payment_intent_authentication_failure")));
    PaymentIntent failed = sandbox.stripe.v1().paymentIntents().retrieve(intent);
    assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
    assertThat(failed.getLastPaymentError().getCode())
        .isEqualTo("payment_intent_authentication_failure");
    assertThat(sandbox.authenticate(intent, "succeed").statusCode())
        .as("nothing left to authenticate")
        .isEqualTo(409);
  }

  @Test
  void aRefundSendsChargeRefundedWithTheIntentsMetadata() throws Exception {
    PaymentIntent paid = sandbox.charge(offSessionCharge(3000, "pm_card_visa", null));

    sandbox
        .stripe
        .v1()
        .refunds()
        .create(
            RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(1000L).build());

    Charge charge = (Charge) object(awaitEvent(paid.getId(), "charge.refunded"));
    assertThat(charge.getPaymentIntent()).isEqualTo(paid.getId());
    assertThat(charge.getAmountRefunded()).isEqualTo(1000);
    assertThat(charge.getMetadata()).isEqualTo(paid.getMetadata());
  }

  @Test
  void aSignatureUnderAnotherSecretDoesNotVerify() throws Exception {
    PaymentIntent paid = sandbox.charge(offSessionCharge(3000, "pm_card_visa", null));
    awaitEvent(paid.getId(), "payment_intent.succeeded");
    WebhookReceiver.Received received = receiver.mentioning(paid.getId()).getFirst();

    assertThatThrownBy(
            () ->
                Webhook.constructEvent(
                    received.payload(), received.signature(), "whsec_someone_else"))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void theAdminRouteListsEachEventAndItsDeliveries() throws Exception {
    PaymentIntent paid = sandbox.charge(offSessionCharge(3000, "pm_card_visa", null));
    awaitEvent(paid.getId(), "payment_intent.succeeded");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode sent = null;
              for (JsonNode entry : sandbox.events()) {
                JsonNode event = entry.path("event");
                if (event.path("type").asText().equals("payment_intent.succeeded")
                    && event.path("data").path("object").path("id").asText().equals(paid.getId())) {
                  sent = entry;
                }
              }
              assertThat(sent).isNotNull();
              assertThat(sent.path("deliveries").findValuesAsText("endpoint"))
                  .contains(endpoint.getId());
              assertThat(sent.path("deliveries").findValues("status").toString()).contains("200");
            });
  }

  /** An off-session charge of pm_card_authenticationRequired: declined, waiting for 3DS. */
  private String authenticationRequired() throws Exception {
    String customer = sandbox.customer().getId();
    String card = sandbox.attach("pm_card_authenticationRequired", customer).getId();
    try {
      sandbox.charge(offSessionCharge(2500, card, customer));
    } catch (CardException e) {
      return e.getStripeError().getPaymentIntent().getId();
    }
    throw new AssertionError("pm_card_authenticationRequired did not require authentication");
  }

  /**
   * The signed event of {@code type} about {@code objectId}, verified with the endpoint's secret.
   */
  private Event awaitEvent(String objectId, String type) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> !verified(objectId, type).isEmpty());
    return verified(objectId, type).getFirst();
  }

  private List<Event> verified(String objectId, String type) throws Exception {
    List<Event> events = new java.util.ArrayList<>();
    for (WebhookReceiver.Received received : receiver.mentioning(objectId)) {
      Event event =
          Webhook.constructEvent(received.payload(), received.signature(), endpoint.getSecret());
      if (event.getType().equals(type)) {
        events.add(event);
      }
    }
    return events;
  }

  private static StripeObject object(Event event) {
    // Present only when the event's api_version is stripe-java's: the sandbox writes in it.
    return event.getDataObjectDeserializer().getObject().orElseThrow();
  }
}
