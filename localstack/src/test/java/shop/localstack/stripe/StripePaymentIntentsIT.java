package shop.localstack.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.localstack.stripe.SandboxStripe.offSessionCharge;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.Endpoints;
import shop.localstack.LocalCloudExtension;

/** PaymentIntents as transaction's StripePayments makes them: off session, confirmed at once. */
@ExtendWith(LocalCloudExtension.class)
class StripePaymentIntentsIT {
  private final SandboxStripe sandbox;

  StripePaymentIntentsIT(Endpoints endpoints) {
    sandbox = new SandboxStripe(endpoints.sandboxUrl());
  }

  @Test
  void pmCardVisaSucceedsAndTheIntentCanBeRetrieved() throws Exception {
    String customer = sandbox.customer().getId();
    String card = sandbox.attach("pm_card_visa", customer).getId();

    PaymentIntent paid = sandbox.charge(offSessionCharge(4900, card, customer));
    PaymentIntent retrieved = sandbox.stripe.v1().paymentIntents().retrieve(paid.getId());

    assertThat(paid.getId()).startsWith("pi_");
    assertThat(paid.getStatus()).isEqualTo("succeeded");
    assertThat(paid.getClientSecret()).startsWith(paid.getId() + "_secret_");
    assertThat(retrieved.getStatus()).isEqualTo("succeeded");
    assertThat(retrieved.getAmount()).isEqualTo(4900);
    assertThat(retrieved.getAmountReceived()).isEqualTo(4900);
    assertThat(retrieved.getCurrency()).isEqualTo("eur");
    assertThat(retrieved.getCustomer()).isEqualTo(customer);
    assertThat(retrieved.getPaymentMethod()).isEqualTo(card);
    assertThat(retrieved.getMetadata()).containsKey("order_id");
    assertThat(retrieved.getLatestCharge()).startsWith("ch_");
  }

  @Test
  void pmCardChargeDeclinedIsACardErrorCarryingTheIntent() throws Exception {
    String customer = sandbox.customer().getId();
    String card = sandbox.attach("pm_card_chargeDeclined", customer).getId();

    CardException declined =
        catchCardError(() -> sandbox.charge(offSessionCharge(1999, card, customer)));

    assertThat(declined.getStatusCode()).isEqualTo(402);
    assertThat(declined.getCode()).isEqualTo("card_declined");
    assertThat(declined.getDeclineCode()).isEqualTo("generic_decline");
    PaymentIntent intent = declined.getStripeError().getPaymentIntent();
    assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
    assertThat(intent.getAmount()).isEqualTo(1999);
    assertThat(sandbox.stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus())
        .isEqualTo("requires_payment_method");
    assertThat(declined.getStripeError().getPaymentMethod().getId()).isEqualTo(card);
  }

  @Test
  void offSessionPmCardAuthenticationRequiredFailsWithAuthenticationRequired() throws Exception {
    String customer = sandbox.customer().getId();
    String card = sandbox.attach("pm_card_authenticationRequired", customer).getId();

    CardException failed =
        catchCardError(() -> sandbox.charge(offSessionCharge(2500, card, customer)));

    // Stripe: an off-session payment that needs 3-D Secure fails; the customer comes back and
    // confirms on session with the intent's client secret.
    assertThat(failed.getCode()).isEqualTo("authentication_required");
    String intentId = failed.getStripeError().getPaymentIntent().getId();
    PaymentIntent intent = sandbox.stripe.v1().paymentIntents().retrieve(intentId);
    assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
    assertThat(intent.getClientSecret()).startsWith(intentId + "_secret_");
    assertThat(intent.getNextAction()).isNull();
    assertThat(intent.getLastPaymentError().getCode()).isEqualTo("authentication_required");
    assertThat(intent.getLastPaymentError().getPaymentMethod().getId()).isEqualTo(card);
  }

  @Test
  void onSessionPmCardAuthenticationRequiredWaitsForTheCustomer() throws Exception {
    String customer = sandbox.customer().getId();
    String card = sandbox.attach("pm_card_authenticationRequired", customer).getId();

    PaymentIntent intent =
        sandbox.charge(offSessionCharge(2500, card, customer).setOffSession(false));

    assertThat(intent.getStatus()).isEqualTo("requires_action");
    assertThat(intent.getNextAction().getType()).isEqualTo("use_stripe_sdk");
    assertThat(intent.getClientSecret()).isNotBlank();
    assertThat(sandbox.authenticate(intent.getId(), "succeed").statusCode()).isEqualTo(200);
    assertThat(sandbox.stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus())
        .isEqualTo("succeeded");
  }

  @Test
  void refusesAnAttachedPaymentMethodWithoutItsCustomerOrWithAnother() throws Exception {
    String ada = sandbox.customer().getId();
    String bob = sandbox.customer().getId();
    String adasCard = sandbox.attach("pm_card_visa", ada).getId();

    assertThatThrownBy(() -> sandbox.charge(offSessionCharge(1000, adasCard, null)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getStripeError().getParam()).isEqualTo("customer"));
    assertThatThrownBy(() -> sandbox.charge(offSessionCharge(1000, adasCard, bob)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getStripeError().getParam()).isEqualTo("payment_method"));
  }

  @Test
  void refusesAnAmountBelowTheCurrencysMinimum() throws Exception {
    for (long amount : new long[] {0, -5, 49}) {
      assertThatThrownBy(() -> sandbox.charge(offSessionCharge(amount, "pm_card_visa", null)))
          .as("amount %d", amount)
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(400);
                assertThat(e.getCode()).isEqualTo("amount_too_small");
                assertThat(e.getStripeError().getParam()).isEqualTo("amount");
              });
    }
  }

  @Test
  void anUnknownIntentIsResourceMissing() {
    assertThatThrownBy(() -> sandbox.stripe.v1().paymentIntents().retrieve("pi_unknown"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getCode()).isEqualTo("resource_missing");
            });
  }

  @Test
  void theSameIdempotencyKeyReplaysTheFirstAnswerWithoutASecondCharge() throws Exception {
    String key = "charge-" + UUID.randomUUID();
    PaymentIntentCreateParams params = offSessionCharge(1500, "pm_card_visa", null).build();

    PaymentIntent first =
        sandbox.stripe.v1().paymentIntents().create(params, SandboxStripe.key(key));
    PaymentIntent again =
        sandbox.stripe.v1().paymentIntents().create(params, SandboxStripe.key(key));

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed"))
        .contains("true");
  }

  @Test
  void aDeclineIsReplayedToo() throws Exception {
    String key = "charge-" + UUID.randomUUID();
    PaymentIntentCreateParams params =
        offSessionCharge(1500, "pm_card_chargeDeclined", null).build();

    CardException first =
        catchCardError(
            () -> sandbox.stripe.v1().paymentIntents().create(params, SandboxStripe.key(key)));
    CardException again =
        catchCardError(
            () -> sandbox.stripe.v1().paymentIntents().create(params, SandboxStripe.key(key)));

    assertThat(again.getStripeError().getPaymentIntent().getId())
        .isEqualTo(first.getStripeError().getPaymentIntent().getId());
  }

  @Test
  void aPaymentMethodUsedWithoutACustomerCannotBeUsedAgain() throws Exception {
    PaymentIntent paid = sandbox.charge(offSessionCharge(1000, "pm_card_visa", null));

    assertThatThrownBy(() -> sandbox.charge(offSessionCharge(1000, paid.getPaymentMethod(), null)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("may not be used again");
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static CardException catchCardError(Call call) throws Exception {
    try {
      call.run();
    } catch (CardException e) {
      return e;
    }
    throw new AssertionError("expected a card error");
  }
}
