package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.transaction.order.ShipOrderTest.assertRefused;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.domain.NotFoundException;

class DecideReturnTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final DecideReturn decide = new DecideReturn(orders, Clock.systemUTC());

  @Test
  void staffApproveARequestedReturn() {
    orders.put(requested());

    OrderReturn approved = decide.decide(new DecideReturn.Command("r1", true, null));

    assertThat(approved.status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(orders.find("order-1").orElseThrow().fulfilment().orderReturn("r1"))
        .contains(approved);
    assertThat(orders.events()).last().extracting(OrderEvent::name).isEqualTo("ReturnApproved");
  }

  @Test
  void staffRejectARequestedReturnWithAReasonTheCustomerReads() {
    orders.put(requested());

    OrderReturn rejected = decide.decide(new DecideReturn.Command("r1", false, "worn"));

    assertThat(rejected.status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(rejected.decision()).isEqualTo("worn");
    assertThat(orders.events()).last().extracting(OrderEvent::name).isEqualTo("ReturnRejected");
  }

  @Test
  void aRejectionNeedsAReasonAndAnApprovalTakesNone() {
    assertRefused("reason", () -> new DecideReturn.Command("r1", false, null));
    assertRefused("reason", () -> new DecideReturn.Command("r1", true, "fine"));
    assertThat(new DecideReturn.Command("r1", false, "worn").rejection()).isEqualTo("worn");
  }

  @Test
  void anUnknownReturnIsNotFound() {
    orders.put(requested());

    assertThatThrownBy(() -> decide.decide(new DecideReturn.Command("r9", true, null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("r9");
  }

  private static Order requested() {
    Order delivered = OrderFixtures.delivered();
    return OrderReturns.request(
            delivered,
            "r1",
            List.of(new ProductQuantity("p-mug", 1)),
            "too small",
            Duration.ofDays(30),
            OrderFixtures.T0.plus(Duration.ofDays(2)))
        .after();
  }
}
