package shop.transaction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static shop.transaction.TransactionServers.json;
import static shop.transaction.TransactionServers.mugAndTee;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.FakeEventBridge;
import shop.platform.testing.TestTokens;
import shop.transaction.api.ExpireOrdersHandler;

/** After checkout: inventory answers, Stripe charges and refunds, webhooks, cancels and expiry. */
class PaymentFlowIT {
  private static TransactionServers servers;

  private final String user = "user-" + UUID.randomUUID();
  private final String token =
      TestTokens.sign(TestTokens.claims(user).withClaim("stripeCustomerId", "cus_ada"));

  @BeforeAll
  static void start() {
    servers = TransactionServers.start();
    servers.wiremock.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .atPriority(1)
            .withRequestBody(containing("payment_method=pm_card_threeDSecure"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"pi_3ds\",\"object\":\"payment_intent\","
                            + "\"status\":\"requires_action\",\"amount\":4900,\"currency\":\"eur\"}")));
    servers.wiremock.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .atPriority(1)
            .withRequestBody(containing("payment_method=pm_card_flaky"))
            .willReturn(aResponse().withStatus(500)));
  }

  @AfterAll
  static void stop() throws Exception {
    servers.close();
  }

  @Test
  void checkoutFlowEndsPaidWithPaymentCapturedOnTheBus() {
    String orderId = place("pm_card_visa");

    var batch = servers.inventoryReserved("evt-" + orderId, orderId);

    assertThat(batch.getBatchItemFailures()).isEmpty();
    JsonNode order = get(orderId);
    assertThat(order.path("status").asText()).isEqualTo("PAID");
    assertThat(order.path("version").asLong()).isEqualTo(3);
    assertThat(order.path("history").findValuesAsText("event"))
        .containsExactly("OrderCreated", "InventoryReserved", "PaymentCaptured");
    assertThat(servers.publishedFor(orderId)).containsExactly("OrderCreated", "PaymentCaptured");
    JsonNode captured = published(orderId, "PaymentCaptured");
    assertThat(captured.path("aggregateversion").asInt()).isEqualTo(3);
    assertThat(captured.path("data").path("paymentIntentId").asText()).isEqualTo("pi_ok");
    assertThat(captured.path("data").path("amount").asLong()).isEqualTo(4900);
    servers.wiremock.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Idempotency-Key", equalTo("charge-" + orderId))
            .withRequestBody(containing("customer=cus_ada"))
            .withRequestBody(containing(orderId)));

    // SQS delivers at least once: the same event again charges nothing and publishes nothing.
    assertThat(servers.inventoryReserved("evt-" + orderId, orderId).getBatchItemFailures())
        .isEmpty();
    servers.wiremock.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Idempotency-Key", equalTo("charge-" + orderId)));
    assertThat(servers.publishedFor(orderId)).containsExactly("OrderCreated", "PaymentCaptured");
  }

  @Test
  void aDeclinedCardCancelsTheOrderWithPaymentFailedAndOrderCancelled() {
    String orderId = place("pm_card_chargeDeclined");

    assertThat(servers.inventoryReserved("evt-" + orderId, orderId).getBatchItemFailures())
        .isEmpty();

    assertThat(get(orderId).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(servers.publishedFor(orderId))
        .containsExactly("OrderCreated", "PaymentFailed", "OrderCancelled");
    JsonNode cancelled = published(orderId, "OrderCancelled");
    assertThat(cancelled.path("data").path("reason").asText()).isEqualTo("PAYMENT_FAILED");
    assertThat(cancelled.path("aggregateversion").asInt()).isEqualTo(4);
    assertThat(published(orderId, "PaymentFailed").path("data").path("declineCode").asText())
        .isEqualTo("generic_decline");
  }

  @Test
  void aStripeOutageFailsTheMessageAndLeavesTheOrderReserved() {
    String orderId = place("pm_card_flaky");

    var batch = servers.inventoryReserved("evt-" + orderId, orderId);

    assertThat(batch.getBatchItemFailures()).hasSize(1);
    assertThat(get(orderId).path("status").asText()).isEqualTo("RESERVED");
    assertThat(
            servers.count(
                "SELECT count(*) FROM event_inbox WHERE event_id = 'evt-" + orderId + "'"))
        .isZero();
    assertThat(servers.publishedFor(orderId)).containsExactly("OrderCreated");
  }

  @Test
  void inventoryRejectedCancelsThePendingOrder() {
    String orderId = place("pm_card_visa");

    assertThat(servers.inventoryRejected("evt-r-" + orderId, orderId).getBatchItemFailures())
        .isEmpty();

    assertThat(get(orderId).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(published(orderId, "OrderCancelled").path("data").path("reason").asText())
        .isEqualTo("INVENTORY_REJECTED");
  }

  @Test
  void cancellingAPaidOrderRefundsItFirst() {
    String orderId = place("pm_card_visa");
    servers.inventoryReserved("evt-" + orderId, orderId);

    var response = cancel(orderId);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(json(response.getBody()).path("status").asText()).isEqualTo("REFUNDED");
    servers.wiremock.verify(
        postRequestedFor(urlEqualTo("/v1/refunds"))
            .withHeader("Idempotency-Key", equalTo("refund-" + orderId)));
    assertThat(published(orderId, "OrderCancelled").path("data").path("refundedAmount").asLong())
        .isEqualTo(4900);
    assertThat(cancel(orderId).getStatusCode()).isEqualTo(409);
  }

  @Test
  void cancellingAPendingOrderNeedsNoRefund() {
    String orderId = place("pm_card_visa");

    var response = cancel(orderId);

    assertThat(json(response.getBody()).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(published(orderId, "OrderCancelled").path("data").path("reason").asText())
        .isEqualTo("CUSTOMER_REQUEST");
    var stranger =
        servers.call(
            ApiEvents.request("POST /orders/{id}/cancel")
                .path("id", orderId)
                .bearer(TestTokens.customer("someone-else")));
    assertThat(stranger.getStatusCode()).isEqualTo(404);
  }

  @Test
  void aSignedWebhookFinishesAPaymentThatNeededTheCustomerOnce() {
    String orderId = place("pm_card_threeDSecure");
    servers.inventoryReserved("evt-" + orderId, orderId);
    assertThat(get(orderId).path("status").asText()).isEqualTo("PAYMENT_ACTION_REQUIRED");
    assertThat(servers.publishedFor(orderId)).contains("PaymentActionRequired");
    stripeHolds(orderId, "succeeded", 4900);
    String payload = succeeded("evt_" + UUID.randomUUID(), orderId);

    assertThat(webhook(payload, TransactionServers.WEBHOOK_SECRET).getStatusCode()).isEqualTo(200);
    assertThat(webhook(payload, TransactionServers.WEBHOOK_SECRET).getStatusCode()).isEqualTo(200);

    assertThat(get(orderId).path("status").asText()).isEqualTo("PAID");
    assertThat(servers.publishedFor(orderId))
        .containsExactly("OrderCreated", "PaymentActionRequired", "PaymentCaptured");
  }

  @Test
  void aCustomerMayGiveUpOnThe3DSecureStepAndALateSuccessIsRefunded() {
    String orderId = place("pm_card_threeDSecure");
    servers.inventoryReserved("evt-" + orderId, orderId);
    assertThat(get(orderId).path("status").asText()).isEqualTo("PAYMENT_ACTION_REQUIRED");

    var response = cancel(orderId);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(json(response.getBody()).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(published(orderId, "OrderCancelled").path("data").path("refundedAmount").asLong())
        .isZero();
    servers.wiremock.verify(
        0,
        postRequestedFor(urlEqualTo("/v1/refunds"))
            .withHeader("Idempotency-Key", equalTo("refund-" + orderId)));

    // The customer completes the bank's challenge after all: the money goes back, the order stays
    // cancelled (its stock is already released).
    stripeHolds(orderId, "succeeded", 4900);
    String late = succeeded("evt_" + UUID.randomUUID(), orderId);
    assertThat(webhook(late, TransactionServers.WEBHOOK_SECRET).getStatusCode()).isEqualTo(200);

    assertThat(get(orderId).path("status").asText()).isEqualTo("CANCELLED");
    servers.wiremock.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/refunds"))
            .withHeader("Idempotency-Key", equalTo("refund-" + orderId)));
  }

  @Test
  void aWellSignedSuccessThatStripeDoesNotConfirmLeavesTheOrderUnpaid() {
    String orderId = place("pm_card_threeDSecure");
    servers.inventoryReserved("evt-" + orderId, orderId);
    // The event claims 49.00 was paid; Stripe holds a payment of 1.00 for the order.
    stripeHolds(orderId, "succeeded", 100);

    var response =
        webhook(succeeded("evt_" + UUID.randomUUID(), orderId), TransactionServers.WEBHOOK_SECRET);

    assertThat(response.getStatusCode()).as("answered, so Stripe stops resending").isEqualTo(200);
    assertThat(get(orderId).path("status").asText()).isEqualTo("PAYMENT_ACTION_REQUIRED");
    assertThat(servers.publishedFor(orderId)).doesNotContain("PaymentCaptured");
  }

  @Test
  void theOwnerGetsTheClientSecretToFinish3DSecure() {
    String orderId = place("pm_card_threeDSecure");
    servers.inventoryReserved("evt-" + orderId, orderId);
    stripeHolds(orderId, "requires_action", 4900);

    var mine =
        servers.call(
            ApiEvents.request("GET /orders/{id}/payment").path("id", orderId).bearer(token));
    var stranger =
        servers.call(
            ApiEvents.request("GET /orders/{id}/payment")
                .path("id", orderId)
                .bearer(TestTokens.customer("someone-else")));

    assertThat(mine.getStatusCode()).as(mine.getBody()).isEqualTo(200);
    assertThat(json(mine.getBody()).path("clientSecret").asText()).isEqualTo("pi_3ds_secret_1");
    assertThat(json(mine.getBody()).path("nextAction").path("type").asText())
        .isEqualTo("use_stripe_sdk");
    assertThat(mine.getHeaders()).containsEntry("Cache-Control", "no-store");
    assertThat(stranger.getStatusCode()).isEqualTo(404);
  }

  @Test
  void aWebhookWithABadSignatureIs400AndChangesNothing() {
    String orderId = place("pm_card_threeDSecure");
    servers.inventoryReserved("evt-" + orderId, orderId);
    String eventId = "evt_" + UUID.randomUUID();

    var response = webhook(succeeded(eventId, orderId), "whsec_forged");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(get(orderId).path("status").asText()).isEqualTo("PAYMENT_ACTION_REQUIRED");
    assertThat(servers.count("SELECT count(*) FROM event_inbox WHERE event_id = '" + eventId + "'"))
        .isZero();
  }

  @Test
  void theSweepExpiresOrdersStuckPastTheDeadline() {
    String stuck = place("pm_card_visa");
    String fresh = place("pm_card_visa");
    servers.database.execute(
        "UPDATE orders SET created_at = now() - interval '31 minutes' WHERE id = '" + stuck + "'");

    assertThat(new ExpireOrdersHandler(servers.module).run()).isEqualTo(1);

    assertThat(get(stuck).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(get(fresh).path("status").asText()).isEqualTo("PENDING");
    assertThat(published(stuck, "OrderCancelled").path("data").path("reason").asText())
        .isEqualTo("EXPIRED");
  }

  @Test
  void adminsListOrdersByStatus() {
    String orderId = place("pm_card_visa");
    servers.inventoryReserved("evt-" + orderId, orderId);

    var response =
        servers.call(
            ApiEvents.request("GET /admin/orders")
                .query("status", "PAID")
                .query("limit", "100")
                .bearer(TestTokens.admin("an-admin")));

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode items = json(response.getBody()).path("items");
    assertThat(items.findValuesAsText("status")).containsOnly("PAID");
    assertThat(items.findValuesAsText("id")).contains(orderId);
  }

  private String place(String paymentMethod) {
    var response = servers.checkout(token, UUID.randomUUID().toString(), mugAndTee(paymentMethod));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response.getBody()).path("id").asText();
  }

  private JsonNode get(String orderId) {
    return json(
        servers
            .call(ApiEvents.request("GET /orders/{id}").path("id", orderId).bearer(token))
            .getBody());
  }

  private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse cancel(
      String orderId) {
    return servers.call(
        ApiEvents.request("POST /orders/{id}/cancel").path("id", orderId).bearer(token));
  }

  private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse webhook(
      String payload, String secret) {
    return servers.call(
        ApiEvents.request("POST /webhooks/stripe")
            .header("Stripe-Signature", TransactionServers.stripeSignature(payload, secret))
            .body("application/json", payload));
  }

  private static JsonNode published(String orderId, String detailType) {
    return servers.bus.accepted().stream()
        .filter(a -> a.detailType().equals(detailType))
        .map(FakeEventBridge.Accepted::detail)
        .map(TransactionServers::json)
        .filter(d -> d.path("subject").asText().equals(orderId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + detailType + " for " + orderId));
  }

  /** Stripe holds pi_3ds for {@code orderId}: what reading the payment back answers. */
  private static void stripeHolds(String orderId, String status, long amount) {
    servers.wiremock.stubFor(
        WireMock.get(urlPathEqualTo("/v1/payment_intents/pi_3ds"))
            .willReturn(
                okJson(
                    """
                    {"id":"pi_3ds","object":"payment_intent","status":"%s","amount":%d,
                     "currency":"eur","metadata":{"order_id":"%s"},
                     "client_secret":"pi_3ds_secret_1","next_action":{"type":"use_stripe_sdk"}}
                    """
                        .formatted(status, amount, orderId))));
  }

  private static String succeeded(String eventId, String orderId) {
    return TransactionServers.fixture(
        "events/stripe-payment-intent-succeeded.json", eventId, orderId);
  }
}
