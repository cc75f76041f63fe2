package shop.transaction.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.config.SecretCache;
import shop.transaction.TransactionServers;
import shop.transaction.order.Money;
import shop.transaction.payment.ChargeOutcome;
import shop.transaction.payment.ChargeRequest;
import shop.transaction.payment.InvalidPaymentNotice;
import shop.transaction.payment.PaymentNotice;
import shop.transaction.payment.PaymentUnavailable;
import shop.transaction.payment.ProviderPayment;
import shop.transaction.payment.RefundRequest;

/** The Stripe adapter against a stub of Stripe's API. */
class StripePaymentsIT {
  private static final String SECRET = "whsec_adapter";
  private static WireMockServer stripe;
  private static StripePayments payments;

  @BeforeAll
  static void start() {
    stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stripe.start();
    Map<String, String> config = new HashMap<>();
    config.put("STRIPE_API_KEY", "sk_test_local");
    config.put("STRIPE_API_BASE", stripe.baseUrl());
    config.put("STRIPE_WEBHOOK_SECRET", SECRET);
    // Long enough for a stubbed answer on a loaded machine (1 s once timed out a 3-D Secure
    // answer), short enough for the slow-Stripe case to stay quick.
    config.put("STRIPE_TIMEOUT", "PT3S");
    payments = StripePayments.from(new Config(config), SecretCache.from(new Config(config)));
    stubIntent("pm_card_visa", 200, intent("pi_ok", "succeeded", ""));
    stubIntent(
        "pm_card_chargeDeclined",
        402,
        """
        {"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline",
         "message":"Your card was declined.",
         "payment_intent":{"id":"pi_declined","object":"payment_intent","status":"requires_payment_method"}}}
        """);
    stubIntent(
        "pm_card_threeDSecure",
        200,
        intent(
            "pi_3ds",
            "requires_action",
            ",\"next_action\":{\"type\":\"redirect_to_url\","
                + "\"redirect_to_url\":{\"url\":\"https://stripe.test/3ds\"}}"));
    stubIntent(
        "pm_card_stripeDown", 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}");
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .withRequestBody(containing("payment_method=pm_card_slow"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(intent("pi_slow", "succeeded", ""))
                    .withFixedDelay(5_000)));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/pi_3ds"))
            .withQueryParam("expand[0]", equalTo("latest_charge"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        intent(
                            "pi_3ds",
                            "requires_action",
                            ",\"metadata\":{\"order_id\":\"o-1\"},"
                                + "\"client_secret\":\"pi_3ds_secret_abc\","
                                + "\"latest_charge\":{\"id\":\"ch_1\",\"object\":\"charge\","
                                + "\"amount_refunded\":1200},"
                                + "\"next_action\":{\"type\":\"use_stripe_sdk\"}"))));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/pi_forged"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\","
                            + "\"code\":\"resource_missing\",\"param\":\"intent\","
                            + "\"message\":\"No such payment_intent: 'pi_forged'\"}}")));
    stripe.stubFor(
        post(urlEqualTo("/v1/refunds"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"re_1\",\"object\":\"refund\",\"amount\":4900,"
                            + "\"currency\":\"eur\",\"status\":\"succeeded\"}")));
  }

  @AfterAll
  static void stop() {
    stripe.stop();
  }

  @Test
  void createsAndConfirmsOffSessionWithTheOrdersIdempotencyKey() {
    var outcome = payments.charge(charge("pm_card_visa"));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Succeeded("pi_ok"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Idempotency-Key", equalTo("charge-o-1"))
            .withRequestBody(containing("amount=4900"))
            .withRequestBody(containing("currency=eur"))
            .withRequestBody(containing("confirm=true"))
            .withRequestBody(containing("off_session=true"))
            .withRequestBody(containing("customer=cus_1"))
            .withRequestBody(containing("payment_method=pm_card_visa"))
            .withRequestBody(
                containing("metadata[order_id]=o-1").or(containing("metadata%5Border_id%5D=o-1"))));
  }

  @Test
  void aDeclinedCardIsADeclineWithItsCode() {
    assertThat(payments.charge(charge("pm_card_chargeDeclined")))
        .isEqualTo(
            new ChargeOutcome.Declined(
                "pi_declined", "Your card was declined.", "generic_decline"));
  }

  @Test
  void threeDSecureNeedsTheCustomer() {
    assertThat(payments.charge(charge("pm_card_threeDSecure")))
        .isEqualTo(new ChargeOutcome.ActionRequired("pi_3ds", "https://stripe.test/3ds"));
  }

  @Test
  void aStripe5xxIsRetryable() {
    assertThatThrownBy(() -> payments.charge(charge("pm_card_stripeDown")))
        .isInstanceOf(PaymentUnavailable.class);
  }

  @Test
  void aStripeTimeoutIsRetryable() {
    assertThatThrownBy(() -> payments.charge(charge("pm_card_slow")))
        .isInstanceOf(PaymentUnavailable.class);
  }

  @Test
  void refundsTheWholePaymentWithTheOrdersRefundKey() {
    long refunded =
        payments.refund(new RefundRequest("o-1", "pi_ok", new Money(4900, "EUR"), "refund-o-1"));

    assertThat(refunded).isEqualTo(4900);
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/refunds"))
            .withHeader("Idempotency-Key", equalTo("refund-o-1"))
            .withRequestBody(containing("payment_intent=pi_ok")));
  }

  @Test
  void readsAPaymentBackFromStripeWithItsMetadataRefundsAndNextStep() {
    assertThat(payments.payment("pi_3ds"))
        .contains(
            new ProviderPayment(
                "pi_3ds",
                "o-1",
                new Money(4900, "EUR"),
                ProviderPayment.Status.REQUIRES_ACTION,
                1200,
                "pi_3ds_secret_abc",
                new ProviderPayment.NextAction("use_stripe_sdk", null),
                null));
  }

  @Test
  void aPaymentStripeDoesNotKnowIsNone() {
    assertThat(payments.payment("pi_forged")).isEmpty();
  }

  @Test
  void readsSignedWebhooks() {
    String payload =
        """
        {"id":"evt_1","object":"event","type":"payment_intent.payment_failed","api_version":"2024-06-20",
         "data":{"object":{"id":"pi_1","object":"payment_intent","metadata":{"order_id":"o-1"},
          "last_payment_error":{"message":"Declined.","decline_code":"insufficient_funds"}}}}
        """;

    var notice = payments.read(payload, TransactionServers.stripeSignature(payload, SECRET));

    assertThat(notice)
        .isEqualTo(
            new PaymentNotice.Failed("evt_1", "o-1", "pi_1", "Declined.", "insufficient_funds"));
  }

  @Test
  void refusesWebhooksWithABadOrOldSignature() {
    String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"charge.refunded\"}";
    long old = Instant.now().minusSeconds(600).getEpochSecond();
    String stale =
        TransactionServers.stripeSignature(payload, SECRET).replaceFirst("t=\\d+", "t=" + old);

    assertThatThrownBy(
            () ->
                payments.read(payload, TransactionServers.stripeSignature(payload, "whsec_other")))
        .isInstanceOf(InvalidPaymentNotice.class);
    assertThatThrownBy(() -> payments.read(payload, stale))
        .isInstanceOf(InvalidPaymentNotice.class);
    assertThatThrownBy(() -> payments.read(payload, null)).isInstanceOf(InvalidPaymentNotice.class);
  }

  private static ChargeRequest charge(String paymentMethod) {
    return new ChargeRequest("o-1", new Money(4900, "EUR"), paymentMethod, "cus_1", "charge-o-1");
  }

  private static String intent(String id, String status, String extra) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"payment_intent\",\"status\":\""
        + status
        + "\",\"amount\":4900,\"currency\":\"eur\""
        + extra
        + "}";
  }

  private static void stubIntent(String paymentMethod, int status, String body) {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .withRequestBody(containing("payment_method=" + paymentMethod))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }
}
