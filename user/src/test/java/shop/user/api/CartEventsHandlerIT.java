package shop.user.api;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.user.testing.UserServiceUnderTest.json;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.Customer;
import shop.events.EventEnvelope;
import shop.events.OrderCreated;
import shop.events.OrderLine;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.EventFixtures;
import shop.user.testing.UserServiceUnderTest;

/** OrderCreated from the "carts" queue empties what was ordered from the buyer's cart, once. */
class CartEventsHandlerIT {
  private static UserServiceUnderTest service;
  private static CartEventsHandler handler;

  @BeforeAll
  static void start() {
    service = UserServiceUnderTest.start();
    handler = new CartEventsHandler(service.module);
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void removesTheOrderedQuantitiesOnceEvenWhenRedelivered() {
    String userId = service.register("buyer@example.com");
    String token = service.accessToken("buyer@example.com");
    put(token, "6650a1f2c3d4e5f6a7b8c9d0", 3);
    put(token, "6650a1f2c3d4e5f6a7b8c9d1", 1);
    put(token, "6650a1f2c3d4e5f6a7b8c9d2", 4);
    EventEnvelope<OrderCreated> order =
        orderCreated(
            userId,
            List.of(
                new OrderLine("6650a1f2c3d4e5f6a7b8c9d0", "MUG-001", "Enamel mug", 2, 1250),
                new OrderLine("6650a1f2c3d4e5f6a7b8c9d1", "TEE-042", "Organic tee", 1, 2400)));
    String body = EventFixtures.eventBridgeBody(order);

    SQSBatchResponse first =
        handler.handleRequest(EventFixtures.batch(EventFixtures.message("m-1", body)), null);
    SQSBatchResponse again =
        handler.handleRequest(EventFixtures.batch(EventFixtures.message("m-2", body, 2)), null);

    assertThat(first.getBatchItemFailures()).isEmpty();
    assertThat(again.getBatchItemFailures()).isEmpty();
    var cart = json(service.call(ApiEvents.request("GET /users/me/cart").bearer(token)));
    assertThat(cart.get("items").findValuesAsText("productId"))
        .containsExactly("6650a1f2c3d4e5f6a7b8c9d0", "6650a1f2c3d4e5f6a7b8c9d2");
    assertThat(cart.get("totalQuantity").asInt()).isEqualTo(1 + 4);
    assertThat(
            service.count(
                "SELECT count(*) FROM event_inbox WHERE consumer = 'carts' AND event_id = '"
                    + order.id()
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void anOrderOfAUserWithoutACartChangesNothingAndSucceeds() {
    EventEnvelope<OrderCreated> order =
        orderCreated(
            UUID.randomUUID().toString(),
            List.of(new OrderLine("6650a1f2c3d4e5f6a7b8c9d0", "MUG-001", "Enamel mug", 1, 1250)));
    long cartRows = service.count("SELECT count(*) FROM cart_items");

    SQSBatchResponse response =
        handler.handleRequest(
            EventFixtures.batch(EventFixtures.message("m-3", EventFixtures.eventBridgeBody(order))),
            null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(service.count("SELECT count(*) FROM cart_items")).isEqualTo(cartRows);
  }

  private static EventEnvelope<OrderCreated> orderCreated(String userId, List<OrderLine> lines) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long total = lines.stream().mapToLong(l -> l.unitPrice() * l.quantity()).sum();
    return EventEnvelope.of(
        new OrderCreated(
            UUID.randomUUID().toString(),
            userId,
            new Customer("buyer@example.com", "Buyer", null, false),
            lines,
            total,
            "EUR",
            "pm_card_visa",
            null,
            now),
        1,
        now);
  }

  private static void put(String token, String productId, int quantity) {
    service.call(
        ApiEvents.request("PUT /users/me/cart/items/{productId}")
            .path("productId", productId)
            .bearer(token)
            .json(Map.of("quantity", quantity)));
  }
}
