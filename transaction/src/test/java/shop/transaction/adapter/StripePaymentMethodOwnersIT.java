package shop.transaction.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.config.SecretCache;
import shop.transaction.payment.PaymentMethodOwner;
import shop.transaction.payment.PaymentMethodOwners;
import shop.transaction.payment.PaymentUnavailable;

/** Reading a card's owner from a stub of Stripe's API, in Stripe's shapes. */
class StripePaymentMethodOwnersIT {
  private static WireMockServer stripe;
  private static PaymentMethodOwners owners;

  @BeforeAll
  static void start() {
    stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stripe.start();
    Config config =
        new Config(
            Map.of(
                "STRIPE_API_KEY", "sk_test_local",
                "STRIPE_API_BASE", stripe.baseUrl(),
                "STRIPE_WEBHOOK_SECRET", "whsec_adapter",
                "STRIPE_TIMEOUT", "PT1S"));
    owners = StripePayments.from(config, SecretCache.from(config)).paymentMethodOwners();
    stub("/v1/payment_methods/pm_adas", 200, method("pm_adas", "\"cus_ada\""));
    stub("/v1/payment_methods/pm_alone", 200, method("pm_alone", "null"));
    stub("/v1/payment_methods/pm_olds", 200, method("pm_olds", "\"cus_old\""));
    stub("/v1/payment_methods/pm_gones", 200, method("pm_gones", "\"cus_gone\""));
    stub("/v1/payment_methods/pm_unknown", 404, missing("PaymentMethod", "pm_unknown"));
    stub(
        "/v1/payment_methods/pm_down",
        500,
        "{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}");
    stub(
        "/v1/customers/cus_ada",
        200,
        "{\"id\":\"cus_ada\",\"object\":\"customer\",\"metadata\":{\"userId\":\"user-ada\"}}");
    stub(
        "/v1/customers/cus_old",
        200,
        "{\"id\":\"cus_old\",\"object\":\"customer\",\"metadata\":{}}");
    stub(
        "/v1/customers/cus_gone",
        200,
        "{\"id\":\"cus_gone\",\"object\":\"customer\",\"deleted\":true}");
  }

  @AfterAll
  static void stop() {
    stripe.stop();
  }

  @Test
  void namesTheCardsCustomerAndTheUserItWasMadeFor() {
    assertThat(owners.owner("pm_adas")).isEqualTo(new PaymentMethodOwner("cus_ada", "user-ada"));
  }

  @Test
  void aCardAttachedToNoOneOrUnknownToStripeHasNoOwner() {
    assertThat(owners.owner("pm_alone")).isEqualTo(PaymentMethodOwner.NONE);
    assertThat(owners.owner("pm_unknown")).isEqualTo(PaymentMethodOwner.NONE);
  }

  @Test
  void aCustomerWithoutTheUserOrDeletedNamesNoUser() {
    assertThat(owners.owner("pm_olds")).isEqualTo(new PaymentMethodOwner("cus_old", null));
    assertThat(owners.owner("pm_gones")).isEqualTo(new PaymentMethodOwner("cus_gone", null));
  }

  @Test
  void aStripeFailureIsWorthARetry() {
    assertThatThrownBy(() -> owners.owner("pm_down")).isInstanceOf(PaymentUnavailable.class);
  }

  private static void stub(String path, int status, String body) {
    stripe.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private static String method(String id, String customer) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"payment_method\",\"type\":\"card\",\"customer\":"
        + customer
        + ",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\"},\"metadata\":{}}";
  }

  private static String missing(String resource, String id) {
    return "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
        + "\"param\":\"id\",\"message\":\"No such "
        + resource
        + ": '"
        + id
        + "'\"}}";
  }
}
