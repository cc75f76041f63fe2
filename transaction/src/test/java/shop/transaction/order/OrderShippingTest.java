package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.transaction.order.OrderFixtures.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;

class OrderShippingTest {
  private static final List<ProductQuantity> ALL = List.of();

  @Test
  void shippingEverythingMakesAPaidOrderShipped() {
    Changed shipped =
        OrderShipping.ship(
            OrderFixtures.paid(), "s1", "DHL", "JD1", "https://dhl.test/JD1", ALL, T0);

    assertThat(shipped.after().status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(shipped.after().version()).isEqualTo(OrderFixtures.paid().version() + 1);
    assertThat(shipped.events()).singleElement().isInstanceOf(OrderEvent.Shipped.class);
    assertThat(((OrderEvent.Shipped) shipped.events().get(0)).complete()).isTrue();
    assertThat(shipped.after().fulfilment().shipment("s1").orElseThrow().lines())
        .containsExactly(new ProductQuantity("p-mug", 2), new ProductQuantity("p-tee", 1));
  }

  @Test
  void shippingSomeLinesIsPartialAndTheRestCompletesIt() {
    Order partial =
        OrderShipping.ship(
                OrderFixtures.paid(),
                "s1",
                "DHL",
                "JD1",
                null,
                List.of(new ProductQuantity("p-mug", 1)),
                T0)
            .after();
    assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);

    Order second =
        OrderShipping.ship(
                partial, "s2", "UPS", "1Z", null, List.of(new ProductQuantity("p-mug", 1)), T0)
            .after();
    assertThat(second.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);

    Changed rest = OrderShipping.ship(second, "s3", "UPS", "1Z2", null, ALL, T0);
    assertThat(rest.after().status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(rest.after().fulfilment().shipment("s3").orElseThrow().lines())
        .containsExactly(new ProductQuantity("p-tee", 1));
  }

  @Test
  void shippingMoreThanRemainsIsAConflict() {
    assertThatThrownBy(
            () ->
                OrderShipping.ship(
                    OrderFixtures.paid(),
                    "s1",
                    "DHL",
                    "JD1",
                    null,
                    List.of(new ProductQuantity("p-mug", 3)),
                    T0))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only 2 of p-mug");
  }

  @Test
  void aProductNotInTheOrderIsBadInputNamingTheLine() {
    assertThatThrownBy(
            () ->
                OrderShipping.ship(
                    OrderFixtures.paid(),
                    "s1",
                    "DHL",
                    "JD1",
                    null,
                    List.of(new ProductQuantity("p-mug", 1), new ProductQuantity("p-cup", 1)),
                    T0))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("lines[1].productId");
  }

  @Test
  void onlyPaidOrPartlyShippedOrdersShip() {
    for (Order order :
        List.of(
            OrderFixtures.pending(),
            OrderFixtures.reserved(),
            OrderFixtures.cancelled(),
            OrderFixtures.refunded(),
            OrderFixtures.shipped(),
            OrderFixtures.delivered())) {
      assertThatThrownBy(() -> OrderShipping.ship(order, "s9", "DHL", "JD9", null, ALL, T0))
          .as(order.status().name())
          .isInstanceOf(IllegalTransition.class);
    }
  }

  @Test
  void theOrderIsDeliveredWhenItsLastParcelArrives() {
    Order partial =
        OrderShipping.ship(
                OrderFixtures.paid(),
                "s1",
                "DHL",
                "JD1",
                null,
                List.of(new ProductQuantity("p-mug", 2)),
                T0)
            .after();
    Changed first = OrderShipping.deliver(partial, "s1", T0.plusSeconds(5));
    assertThat(first.after().status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
    assertThat(first.events()).singleElement().isInstanceOf(OrderEvent.ShipmentDelivered.class);

    Order shipped =
        OrderShipping.ship(first.after(), "s2", "DHL", "JD2", null, ALL, T0.plusSeconds(6)).after();
    assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);

    Changed last = OrderShipping.deliver(shipped, "s2", T0.plusSeconds(7));
    assertThat(last.after().status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(last.events()).singleElement().isInstanceOf(OrderEvent.Delivered.class);
  }

  @Test
  void aParcelDeliveredTwiceChangesNothingTheSecondTime() {
    assertThat(OrderShipping.deliver(OrderFixtures.delivered(), "ship-1", T0)).isNull();
  }

  @Test
  void deliveringAnUnknownParcelIsNotFound() {
    assertThatThrownBy(() -> OrderShipping.deliver(OrderFixtures.shipped(), "nope", T0))
        .isInstanceOf(shop.platform.domain.NotFoundException.class);
  }

  @Test
  void whatAnEarlierParcelTookIsNoLongerThereToShip() {
    Order oneMugShipped =
        OrderShipping.ship(
                OrderFixtures.paid(),
                "s1",
                "DHL",
                "JD1",
                null,
                List.of(new ProductQuantity("p-mug", 1)),
                T0)
            .after();

    assertThatThrownBy(
            () ->
                OrderShipping.ship(
                    oneMugShipped,
                    "s2",
                    "DHL",
                    "JD2",
                    null,
                    List.of(new ProductQuantity("p-mug", 2)),
                    T0))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only 1 of p-mug");
  }
}
