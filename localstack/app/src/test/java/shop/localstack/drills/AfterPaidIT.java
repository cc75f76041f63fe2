package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * After PAID on the local cloud, through REST, the bus, product, notification and the Stripe
 * sandbox: shipping (all at once, or in parts) and delivery (by staff or the carrier's signed
 * webhook), a return received and refunded in part, a staff cancel, and the refusals that change
 * nothing. Every exchange is checked against the contracts.
 */
@ExtendWith(DrillShop.class)
class AfterPaidIT {

  @Test
  void shippingEverythingThenTheCarriersDeliveryMakesTheOrderDelivered(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String product = paid.api.product(paid.staff(), "ship", 5, 1500);
    ShopClient.Customer customer = paid.api.customer("ship");
    String orderId = paid.paidOrder(customer, product, 2);
    String tracking = "JD" + UUID.randomUUID().toString().substring(0, 12);

    JsonNode shipment =
        paid.api.expect(
            201,
            paid.ship(
                orderId,
                "{\"carrier\":\"DHL\",\"trackingNumber\":\"%s\",\"trackingUrl\":\"https://dhl.test/t/%s\"}"
                    .formatted(tracking, tracking)));
    assertThat(shipment.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
    assertThat(paid.order(orderId).path("status").asText()).isEqualTo("SHIPPED");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> paid.sandbox.emailsMentioning(tracking) >= 1);

    String eventId = "evt_" + UUID.randomUUID();
    paid.api.expect(200, paid.carrierDelivered(eventId, "DHL", tracking, paid.carrierSecret()));
    JsonNode delivered = paid.order(orderId);
    paid.api.expect(200, paid.carrierDelivered(eventId, "DHL", tracking, paid.carrierSecret()));

    assertThat(delivered.path("status").asText()).isEqualTo("DELIVERED");
    assertThat(delivered.path("shipments").get(0).path("deliveredAt").isTextual()).isTrue();
    assertThat(paid.order(orderId).path("version").asLong())
        .as("the repeated notice changed nothing")
        .isEqualTo(delivered.path("version").asLong());
    assertThat(delivered.path("history").findValuesAsText("event"))
        .containsSubsequence("PaymentCaptured", "OrderShipped", "OrderDelivered");
  }

  @Test
  void aPartialShipmentLeavesTheRestToShipAndNeverMoreThanRemains(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String product = paid.api.product(paid.staff(), "part", 5, 1000);
    ShopClient.Customer customer = paid.api.customer("part");
    String orderId = paid.paidOrder(customer, product, 3);
    String one = "{\"productId\":\"%s\",\"quantity\":%d}";

    JsonNode first =
        paid.api.expect(
            201,
            paid.ship(
                orderId,
                "{\"carrier\":\"UPS\",\"trackingNumber\":\"1Z-a-%s\",\"lines\":[%s]}"
                    .formatted(orderId, one.formatted(product, 1))));
    assertThat(paid.order(orderId).path("status").asText()).isEqualTo("PARTIALLY_SHIPPED");
    ShopClient.Reply tooMany =
        paid.ship(
            orderId,
            "{\"carrier\":\"UPS\",\"trackingNumber\":\"1Z-b-%s\",\"lines\":[%s]}"
                .formatted(orderId, one.formatted(product, 3)));
    assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(409);
    JsonNode rest =
        paid.api.expect(
            201,
            paid.ship(
                orderId,
                "{\"carrier\":\"UPS\",\"trackingNumber\":\"1Z-c-%s\"}".formatted(orderId)));
    assertThat(rest.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
    assertThat(paid.order(orderId).path("status").asText()).isEqualTo("SHIPPED");

    for (JsonNode parcel : new JsonNode[] {first, rest}) {
      paid.api.expect(
          200,
          paid.call(
              "POST",
              "/admin/shipments/" + parcel.path("id").asText() + "/delivered",
              paid.staff(),
              null,
              Map.of()));
    }
    assertThat(paid.order(orderId).path("status").asText()).isEqualTo("DELIVERED");
  }

  @Test
  void aReceivedReturnIsRefundedInPartThroughStripeRestockedAndTold(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String product = paid.api.product(paid.staff(), "return", 5, 1500);
    ShopClient.Customer customer = paid.api.customer("return");
    String orderId = paid.paidOrder(customer, product, 2);
    String parcel =
        paid.api
            .expect(
                201,
                paid.ship(
                    orderId, "{\"carrier\":\"DHL\",\"trackingNumber\":\"R-" + orderId + "\"}"))
            .path("id")
            .asText();
    paid.api.expect(
        200,
        paid.call(
            "POST", "/admin/shipments/" + parcel + "/delivered", paid.staff(), null, Map.of()));
    int stockBefore = stock(paid, product);

    JsonNode asked =
        paid.api.expect(
            201,
            paid.call(
                "POST",
                "/orders/" + orderId + "/returns",
                customer.token(),
                "{\"lines\":[{\"productId\":\"%s\",\"quantity\":1}],\"reason\":\"too small\"}"
                    .formatted(product),
                Map.of()));
    assertThat(asked.path("status").asText()).isEqualTo("REQUESTED");
    String returnId = asked.path("id").asText();
    paid.api.expect(
        200,
        paid.call("POST", "/admin/returns/" + returnId + "/approve", paid.staff(), null, Map.of()));
    JsonNode received =
        paid.api.expect(
            200,
            paid.call(
                "POST", "/admin/returns/" + returnId + "/receive", paid.staff(), null, Map.of()));

    assertThat(received.path("status").asText()).isEqualTo("RECEIVED");
    String refundId = received.path("refundId").asText();
    JsonNode order = paid.order(orderId);
    assertThat(order.path("capturedAmount").asLong()).isEqualTo(3000);
    assertThat(order.path("refundedAmount").asLong()).isEqualTo(1500);
    assertThat(order.path("status").asText()).isEqualTo("DELIVERED");
    assertThat(paid.sandbox.refunds())
        .filteredOn(r -> ("refund-" + refundId).equals(r.idempotencyKey()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.amount()).isEqualTo(1500);
              assertThat(r.status()).isEqualTo(200);
            });
    await().atMost(Duration.ofSeconds(60)).until(() -> stock(paid, product) == stockBefore + 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                paid.sandbox.emails().stream()
                        .filter(e -> e.contains(orderId))
                        .filter(e -> e.contains("Your return arrived") || e.contains("We refunded"))
                        .count()
                    >= 2);
  }

  @Test
  void staffCancellingAPaidOrderRefundsItAllAndReleasesTheStock(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String product = paid.api.product(paid.staff(), "staffcancel", 5, 1200);
    ShopClient.Customer customer = paid.api.customer("staffcancel");
    String orderId = paid.paidOrder(customer, product, 2);
    await().atMost(Duration.ofSeconds(60)).until(() -> stock(paid, product) == 3);

    JsonNode cancelled =
        paid.api.expect(
            200,
            paid.call(
                "POST",
                "/admin/orders/" + orderId + "/cancel",
                paid.staff(),
                "{\"reason\":\"the customer called\"}",
                Map.of()));

    assertThat(cancelled.path("status").asText()).isEqualTo("REFUNDED");
    assertThat(paid.order(orderId).path("refundedAmount").asLong()).isEqualTo(2400);
    assertThat(paid.sandbox.refunds())
        .filteredOn(r -> ("refund-" + orderId).equals(r.idempotencyKey()))
        .extracting(Sandbox.RefundCall::amount)
        .containsExactly(2400L);
    await().atMost(Duration.ofSeconds(60)).until(() -> stock(paid, product) == 5);
    ShopClient.Reply again =
        paid.ship(orderId, "{\"carrier\":\"DHL\",\"trackingNumber\":\"X-" + orderId + "\"}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void aCarrierNoticeWithABadSignatureIsRefusedAndChangesNothing(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String product = paid.api.product(paid.staff(), "forged", 5, 1000);
    ShopClient.Customer customer = paid.api.customer("forged");
    String orderId = paid.paidOrder(customer, product, 1);
    String tracking = "F-" + orderId;
    paid.api.expect(
        201, paid.ship(orderId, "{\"carrier\":\"DHL\",\"trackingNumber\":\"" + tracking + "\"}"));
    long version = paid.order(orderId).path("version").asLong();

    ShopClient.Reply forged =
        paid.carrierDelivered(
            "evt_forged", "DHL", tracking, "not-the-carrier-secret-0123456789abcdef");

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.contentType()).startsWith("application/problem+json");
    JsonNode after = paid.order(orderId);
    assertThat(after.path("status").asText()).isEqualTo("SHIPPED");
    assertThat(after.path("version").asLong()).isEqualTo(version);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndWritesNothing(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String product = paid.api.product(paid.staff(), "badinput", 5, 1000);
    ShopClient.Customer customer = paid.api.customer("badinput");
    String orderId = paid.paidOrder(customer, product, 1);
    long version = paid.order(orderId).path("version").asLong();

    assertThat(field(paid.ship(orderId, "{\"trackingNumber\":\"T1\"}"))).isEqualTo("carrier");
    assertThat(
            field(
                paid.ship(
                    orderId,
                    "{\"carrier\":\"DHL\",\"trackingNumber\":\"T1\",\"lines\":[{\"productId\":\"%s\",\"quantity\":0}]}"
                        .formatted(product))))
        .isEqualTo("lines[0].quantity");
    assertThat(field(paid.refund(orderId, "k-" + orderId, -5))).isEqualTo("amount");
    assertThat(
            field(
                paid.call(
                    "POST",
                    "/admin/orders/" + orderId + "/refunds",
                    paid.staff(),
                    "{\"amount\":100,\"reason\":\"x\"}",
                    Map.of())))
        .isEqualTo("Idempotency-Key");
    assertThat(
            field(
                paid.call(
                    "POST",
                    "/orders/" + orderId + "/returns",
                    customer.token(),
                    "{\"lines\":[],\"reason\":\"x\"}",
                    Map.of())))
        .isEqualTo("lines");
    assertThat(
            field(paid.call("GET", "/admin/orders?from=yesterday", paid.staff(), null, Map.of())))
        .isEqualTo("from");

    assertThat(paid.order(orderId).path("version").asLong()).isEqualTo(version);
  }

  @Test
  void staffFindOrdersByCustomerEmailNewestFirst(LocalShop shop) {
    AfterPaid paid = new AfterPaid(shop);
    String product = paid.api.product(paid.staff(), "search", 5, 1000);
    ShopClient.Customer customer = paid.api.customer("search");
    String first = paid.paidOrder(customer, product, 1);
    String second = paid.paidOrder(customer, product, 1);

    JsonNode page =
        paid.api.expect(
            200,
            paid.call(
                "GET",
                "/admin/orders?status=PAID&limit=1&customer=" + customer.email().toUpperCase(),
                paid.staff(),
                null,
                Map.of()));
    assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(second);
    JsonNode next =
        paid.api.expect(
            200,
            paid.call(
                "GET",
                "/admin/orders?status=PAID&limit=1&customer="
                    + customer.email()
                    + "&cursor="
                    + page.path("nextCursor").asText(),
                paid.staff(),
                null,
                Map.of()));
    assertThat(next.path("items").get(0).path("id").asText()).isEqualTo(first);
  }

  private static int stock(AfterPaid paid, String product) {
    return paid.api
        .expect(200, paid.api.send("GET", "/products/" + product, null, (JsonNode) null))
        .path("stock")
        .asInt();
  }

  private static String field(ShopClient.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    return reply.json().path("errors").get(0).path("field").asText();
  }
}
