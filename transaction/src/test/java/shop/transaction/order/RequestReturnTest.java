package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.transaction.order.ShipOrderTest.assertRefused;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestReturnTest {
  private static final List<ProductQuantity> ONE_MUG = List.of(new ProductQuantity("p-mug", 1));
  private final InMemoryOrders orders = new InMemoryOrders();
  private final Clock dayAfterDelivery =
      Clock.fixed(OrderFixtures.T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);
  private final RequestReturn request =
      new RequestReturn(orders, RequestReturn.DEFAULT_WINDOW, dayAfterDelivery);

  @Test
  void theOwnerAsksBackADeliveredLineAndGetsTheStoredReturn() {
    orders.put(OrderFixtures.delivered());

    OrderReturn asked =
        request.request(
            new RequestReturnCommand("order-1", OrderFixtures.USER, ONE_MUG, "too small"));

    assertThat(asked.status()).isEqualTo(ReturnStatus.REQUESTED);
    assertThat(asked.requestedAt()).isEqualTo(Instant.now(dayAfterDelivery));
    assertThat(orders.find("order-1").orElseThrow().fulfilment().returns()).containsExactly(asked);
    assertThat(orders.events()).last().isInstanceOf(OrderEvent.ReturnRequested.class);
  }

  @Test
  void anotherCustomersOrderIsNotFoundAndNothingIsWritten() {
    orders.put(OrderFixtures.delivered());

    assertThatThrownBy(
            () -> request.request(new RequestReturnCommand("order-1", "user-2", ONE_MUG, "mine")))
        .isInstanceOf(OrderNotFound.class);
    assertThat(orders.find("order-1").orElseThrow().fulfilment().returns()).isEmpty();
  }

  @Test
  void takesOneToAHundredDistinctLinesAndAReason() {
    List<ProductQuantity> hundred =
        IntStream.range(0, Order.MAX_LINES).mapToObj(i -> new ProductQuantity("p" + i, 1)).toList();
    assertThat(new RequestReturnCommand("o", "u", hundred, "r").lines()).hasSize(100);

    List<ProductQuantity> tooMany =
        IntStream.rangeClosed(0, Order.MAX_LINES)
            .mapToObj(i -> new ProductQuantity("p" + i, 1))
            .toList();
    assertRefused("lines", () -> new RequestReturnCommand("o", "u", tooMany, "r"));
    assertRefused("lines", () -> new RequestReturnCommand("o", "u", List.of(), "r"));
    assertRefused("lines", () -> new RequestReturnCommand("o", "u", null, "r"));
    assertRefused(
        "lines[1].productId",
        () ->
            new RequestReturnCommand(
                "o", "u", List.of(ONE_MUG.get(0), new ProductQuantity("p-mug", 2)), "r"));
    assertRefused("reason", () -> new RequestReturnCommand("o", "u", ONE_MUG, " "));
  }
}
