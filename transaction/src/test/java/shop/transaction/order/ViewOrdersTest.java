package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewOrdersTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final ViewOrders view = new ViewOrders(orders);

  @Test
  void theOwnerSeesTheOrderWithItsHistory() {
    orders.create(
        OrderFixtures.placed("order-2"),
        new IdempotentRequest(OrderFixtures.USER, "k", "hash", "order-2"),
        3);

    OrderView seen = view.one("order-2", OrderFixtures.USER, false);

    assertThat(seen.order().id()).isEqualTo("order-2");
    assertThat(seen.history())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.event()).isEqualTo("OrderCreated");
              assertThat(h.status()).isEqualTo(OrderStatus.PENDING);
            });
  }

  @Test
  void anotherCustomerGetsNotFoundAndAnAdminSeesIt() {
    orders.put(OrderFixtures.pending());

    assertThatThrownBy(() -> view.one("order-1", "user-2", false))
        .isInstanceOf(OrderNotFound.class);
    assertThat(view.one("order-1", "user-2", true).order().id()).isEqualTo("order-1");
  }

  @Test
  void anUnknownOrderIsNotFoundEvenForAnAdmin() {
    assertThatThrownBy(() -> view.one("order-9", OrderFixtures.USER, true))
        .isInstanceOf(OrderNotFound.class);
  }

  @Test
  void aCustomerListsOnlyTheirOwnOrdersAtMostAHundredAPage() {
    for (int i = 0; i < ViewOrders.MAX_PAGE + 1; i++) {
      orders.put(OrderFixtures.placed("order-" + i).after());
    }
    orders.put(placedBy("user-2"));

    OrderPage page = view.mine(OrderFixtures.USER, null, 1000);

    assertThat(page.orders()).hasSize(ViewOrders.MAX_PAGE).allMatch(o -> o.isOwnedBy("user-1"));
    assertThat(page.next()).isNotNull();
    assertThat(view.mine("user-2", null, 10).orders()).singleElement();
  }

  @Test
  void anAdminListsEveryOrderOrThoseInOneStatusAtMostAHundredAPage() {
    for (int i = 0; i < ViewOrders.MAX_PAGE + 1; i++) {
      orders.put(OrderFixtures.placed("placed-" + i).after());
    }
    orders.put(OrderFixtures.paid());

    assertThat(view.all(null, null, 1000).orders()).hasSize(ViewOrders.MAX_PAGE);
    assertThat(view.all(OrderStatus.PAID, null, 1000).orders())
        .singleElement()
        .extracting(Order::id)
        .isEqualTo("order-1");
  }

  private static Order placedBy(String userId) {
    return Order.place(
            "order-of-" + userId,
            userId,
            OrderFixtures.ada(),
            OrderFixtures.twoLines(),
            "EUR",
            "pm_card_visa",
            null,
            OrderFixtures.address(),
            OrderFixtures.T0)
        .after();
  }

  @Test
  void staffSearchAtMostAHundredAPage() {
    for (int i = 0; i < ViewOrders.MAX_PAGE + 1; i++) {
      orders.put(OrderFixtures.placed("placed-" + i).after());
    }
    orders.put(placedBy("user-2"));

    OrderSearch byUser = new OrderSearch(null, "user-2", null, null);
    assertThat(view.search(byUser, null, 10).orders())
        .singleElement()
        .extracting(Order::userId)
        .isEqualTo("user-2");
    OrderSearch everything = new OrderSearch(OrderStatus.PENDING, null, null, null);
    assertThat(view.search(everything, null, 1000).orders()).hasSize(ViewOrders.MAX_PAGE);
  }

  @Test
  void aSearchPeriodEndsAfterItStarts() {
    java.time.Instant t = OrderFixtures.T0;
    ShipOrderTest.assertRefused("to", () -> new OrderSearch(null, null, t, t));
    assertThat(new OrderSearch(null, null, t, t.plusSeconds(1)).to()).isEqualTo(t.plusSeconds(1));
    assertThat(new OrderSearch(null, null, null, t).to()).isEqualTo(t);
    assertThat(new OrderSearch(null, null, t, null).from()).isEqualTo(t);
  }
}
