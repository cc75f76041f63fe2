package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;

class ShipOrderTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final ShipOrder ship = new ShipOrder(orders, Clock.systemUTC());

  @Test
  void shipsWhatRemainsAndAnswersTheStoredParcel() {
    orders.put(OrderFixtures.paid());

    Shipment shipment =
        ship.ship(new ShipOrderCommand("order-1", "DHL", "JD1", "https://dhl.test/JD1", null));

    Order after = orders.find("order-1").orElseThrow();
    assertThat(after.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(after.fulfilment().shipments()).containsExactly(shipment);
    assertThat(shipment.trackingNumber()).isEqualTo("JD1");
    assertThat(shipment.lines())
        .containsExactly(new ProductQuantity("p-mug", 2), new ProductQuantity("p-tee", 1));
    assertThat(orders.events()).last().isInstanceOf(OrderEvent.Shipped.class);
  }

  @Test
  void carrierAndTrackingNumberAreRequiredUpToAHundredChars() {
    String hundred = "x".repeat(100);
    assertThat(new ShipOrderCommand("o", hundred, hundred, null, List.of()).carrier())
        .isEqualTo(hundred);

    assertRefused("carrier", () -> new ShipOrderCommand("o", " ", "JD1", null, null));
    assertRefused("carrier", () -> new ShipOrderCommand("o", hundred + "x", "JD1", null, null));
    assertRefused("trackingNumber", () -> new ShipOrderCommand("o", "DHL", null, null, null));
    assertRefused(
        "trackingNumber", () -> new ShipOrderCommand("o", "DHL", hundred + "x", null, null));
  }

  @Test
  void theTrackingUrlIsAnHttpsUrlOfAtMostTwoThousandChars() {
    String base = "https://dhl.test/";
    String longest = base + "x".repeat(2000 - base.length());
    assertThat(new ShipOrderCommand("o", "DHL", "JD1", longest, null).trackingUrl())
        .isEqualTo(longest);

    for (String bad :
        List.of(longest + "x", "http://dhl.test/JD1", "https:/no-host", "https://dhl test/JD1")) {
      assertRefused("trackingUrl", () -> new ShipOrderCommand("o", "DHL", "JD1", bad, null));
    }
  }

  @Test
  void aProductListedTwiceIsRefusedNamingTheSecondLine() {
    List<ProductQuantity> twice =
        List.of(
            new ProductQuantity("p-mug", 1),
            new ProductQuantity("p-tee", 1),
            new ProductQuantity("p-mug", 1));

    assertRefused("lines[2].productId", () -> new ShipOrderCommand("o", "DHL", "JD1", null, twice));
    assertThat(new ShipOrderCommand("o", "DHL", "JD1", null, twice.subList(0, 2)).lines())
        .hasSize(2);
  }

  static void assertRefused(String field, Runnable command) {
    assertThatThrownBy(command::run)
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo(field);
  }
}
