package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ApplyCarrierNoticeTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final CarrierNotices notices =
      (body, signature) -> {
        if (!"good".equals(signature)) {
          throw new InvalidCarrierNotice("bad signature", null);
        }
        String[] parts = body.split(",");
        return new CarrierNotice(parts[0], parts[1], "DHL", "JD0001");
      };
  private final ApplyCarrierNotice apply =
      new ApplyCarrierNotice(notices, orders, new DeliverShipment(orders, Clock.systemUTC()));

  @Test
  void aDeliveredNoticeDeliversTheTrackedParcelOnce() {
    orders.put(OrderFixtures.shipped());

    apply.apply("evt_1,delivered", "good");
    long version = orders.find("order-1").orElseThrow().version();
    apply.apply("evt_1,delivered", "good");

    Order after = orders.find("order-1").orElseThrow();
    assertThat(after.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(after.version()).isEqualTo(version);
    assertThat(orders.wasHandled(new HandledMessage(Consumers.CARRIER_WEBHOOKS, "evt_1"))).isTrue();
  }

  @Test
  void otherNoticesChangeNothing() {
    orders.put(OrderFixtures.shipped());

    apply.apply("evt_2,in_transit", "good");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
  }

  @Test
  void aBadSignatureChangesNothing() {
    orders.put(OrderFixtures.shipped());

    assertThatThrownBy(() -> apply.apply("evt_3,delivered", "forged"))
        .isInstanceOf(InvalidCarrierNotice.class);
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
  }

  @Test
  void theNoticeDeliversOnlyTheParcelItTracks() {
    Order firstParcel =
        OrderShipping.ship(
                OrderFixtures.paid(),
                "ship-0",
                "DHL",
                "JD0000",
                null,
                java.util.List.of(new ProductQuantity("p-mug", 2)),
                OrderFixtures.T0)
            .after();
    orders.put(
        OrderShipping.ship(
                firstParcel, "ship-1", "DHL", "JD0001", null, java.util.List.of(), OrderFixtures.T0)
            .after());

    apply.apply("evt_4,delivered", "good");

    Fulfilment after = orders.find("order-1").orElseThrow().fulfilment();
    assertThat(after.shipment("ship-1").orElseThrow().delivered()).isTrue();
    assertThat(after.shipment("ship-0").orElseThrow().delivered()).isFalse();
  }

  @Test
  void aNoticeForAnUnknownParcelIsNotFound() {
    orders.put(OrderFixtures.paid());

    assertThatThrownBy(() -> apply.apply("evt_5,delivered", "good"))
        .isInstanceOf(shop.platform.domain.NotFoundException.class)
        .hasMessageContaining("JD0001");
  }
}
