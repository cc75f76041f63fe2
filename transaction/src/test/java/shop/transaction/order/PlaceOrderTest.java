package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.transaction.order.PriceQuote.Availability;

class PlaceOrderTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final Map<String, PriceQuote> catalog =
      new java.util.HashMap<>(
          Map.of(
              "p-mug", quote("p-mug", 1250, "EUR", 10),
              "p-tee", quote("p-tee", 2400, "EUR", 5)));
  private final List<List<ItemRequest>> quoted = new ArrayList<>();
  private final PlaceOrder placeOrder =
      new PlaceOrder(
          orders,
          items -> {
            quoted.add(items);
            return items.stream()
                .map(i -> catalog.get(i.productId()))
                .filter(q -> q != null)
                .toList();
          },
          new OpenOrderLimit(3, Duration.ofMinutes(30)),
          Clock.fixed(OrderFixtures.T0, ZoneOffset.UTC));

  @Test
  void placesAPendingOrderAtServerPrices() {
    PlacedOrder placed = placeOrder.place(command("k1", null));

    assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(placed.order().total()).isEqualTo(new Money(4900, "EUR"));
    assertThat(orders.events()).singleElement().isInstanceOf(OrderEvent.Placed.class);
    assertThat(quoted).hasSize(1);
  }

  @Test
  void theSameKeyAndBodyAnswerTheSameOrderWithoutAskingProductAgain() {
    PlacedOrder first = placeOrder.place(command("k1", null));
    PlacedOrder again = placeOrder.place(command("k1", null));

    assertThat(again).isEqualTo(first);
    assertThat(quoted).hasSize(1);
  }

  @Test
  void aCustomerHoldingThreeUnpaidOrdersIsToldToComeBackWhenTheOldestExpires() {
    placeOrder.place(command("k1", null));
    placeOrder.place(command("k2", null));
    placeOrder.place(command("k3", null));

    assertThatThrownBy(() -> placeOrder.place(command("k4", null)))
        .isInstanceOfSatisfying(
            TooManyOpenOrders.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(30)));
    assertThat(orders.events()).hasSize(3);
    assertThat(placeOrder.place(command("k3", null)).status())
        .as("a replay of an order already placed is no new order")
        .isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void aPaidOrderNoLongerCountsAgainstTheLimit() {
    PlacedOrder first = placeOrder.place(command("k1", null));
    placeOrder.place(command("k2", null));
    placeOrder.place(command("k3", null));
    Order order = first.order();
    orders.put(order.reserve(OrderFixtures.T0).after().capture("pi_1", OrderFixtures.T0).after());

    assertThat(placeOrder.place(command("k4", null)).status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    placeOrder.place(command("k1", null));

    assertThatThrownBy(() -> placeOrder.place(command("k1", 4900L)))
        .isInstanceOf(IdempotencyKeyReused.class);
  }

  @Test
  void rejectsOrderWhenPriceChanged() {
    assertThatThrownBy(() -> placeOrder.place(command("k1", 4800L)))
        .isInstanceOfSatisfying(
            TotalChanged.class, e -> assertThat(e.total()).isEqualTo(new Money(4900, "EUR")));
    assertThat(orders.events()).isEmpty();
  }

  @Test
  void namesEveryUnavailableOrUnknownItem() {
    catalog.put("p-tee", quote("p-tee", 2400, "EUR", 0));
    catalog.remove("p-mug");

    assertThatThrownBy(() -> placeOrder.place(command("k1", null)))
        .isInstanceOfSatisfying(
            ItemsUnavailable.class,
            e ->
                assertThat(e)
                    .hasMessage("not available: p-mug (UNKNOWN), p-tee (OUT_OF_STOCK)")
                    .extracting(ItemsUnavailable::items)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsExactly(
                        new ItemsUnavailable.Item(0, "p-mug", "UNKNOWN", 0),
                        new ItemsUnavailable.Item(1, "p-tee", "OUT_OF_STOCK", 0)));
    assertThat(orders.events()).isEmpty();
  }

  @Test
  void refusesItemsPricedInDifferentCurrencies() {
    catalog.put("p-tee", quote("p-tee", 2400, "USD", 5));

    assertThatThrownBy(() -> placeOrder.place(command("k1", null)))
        .isInstanceOf(MixedCurrencies.class);
  }

  @Test
  void writesNothingWhenProductIsDown() {
    PlaceOrder down =
        new PlaceOrder(
            orders,
            items -> {
              throw new PriceQuotesUnavailable("down", null);
            },
            new OpenOrderLimit(3, Duration.ofMinutes(30)),
            Clock.systemUTC());

    assertThatThrownBy(() -> down.place(command("k1", null)))
        .isInstanceOf(PriceQuotesUnavailable.class);
    assertThat(orders.findRequest(OrderFixtures.USER, "k1")).isEmpty();
  }

  @Test
  void sellsTheLastItemsInStock() {
    catalog.put("p-mug", quote("p-mug", 1250, "EUR", 2));

    assertThat(placeOrder.place(command("k1", null)).status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void aProductQuotedTwiceIsPricedOnce() {
    PlaceOrder twice =
        new PlaceOrder(
            orders,
            items ->
                items.stream()
                    .flatMap(
                        i ->
                            java.util.stream.Stream.of(
                                catalog.get(i.productId()), quote(i.productId(), 9999, "EUR", 1)))
                    .toList(),
            new OpenOrderLimit(3, Duration.ofMinutes(30)),
            Clock.fixed(OrderFixtures.T0, ZoneOffset.UTC));

    assertThat(twice.place(command("k1", null)).order().total()).isEqualTo(new Money(4900, "EUR"));
  }

  static PlaceOrderCommand command(String key, Long expectedTotal) {
    return new PlaceOrderCommand(
        OrderFixtures.USER,
        key,
        OrderFixtures.ada(),
        "cus_1",
        List.of(new ItemRequest("p-mug", 2), new ItemRequest("p-tee", 1)),
        "pm_card_visa",
        OrderFixtures.address(),
        expectedTotal);
  }

  private static PriceQuote quote(String id, long price, String currency, int stock) {
    return new PriceQuote(
        id,
        stock > 0 ? Availability.AVAILABLE : Availability.OUT_OF_STOCK,
        id.toUpperCase(),
        "Product " + id,
        price,
        currency,
        stock);
  }
}
