package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiveReturnTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final List<Long> refunded = new ArrayList<>();
  private final ReceiveReturn receive =
      new ReceiveReturn(
          orders, (order, refund) -> refunded.add(refund.amount()), Clock.systemUTC());

  @Test
  void receivingRefundsTheReturnedLinesAtThePricesPaidOnce() {
    orders.put(OrderReturnsTest.approvedReturnOfOneMug());

    OrderReturn received = receive.receive("r1");
    receive.receive("r1");

    assertThat(received.status()).isEqualTo(ReturnStatus.RECEIVED);
    assertThat(refunded).containsExactly(1250L);
    Order after = orders.find("order-1").orElseThrow();
    assertThat(after.fulfilment().refundedAmount()).isEqualTo(1250);
    assertThat(orders.events().stream().map(OrderEvent::name))
        .containsSubsequence("ReturnReceived", "RefundStarted", "RefundIssued");
  }

  @Test
  void receivingAnUnknownReturnIsNotFound() {
    orders.put(OrderReturnsTest.approvedReturnOfOneMug());

    assertThatThrownBy(() -> receive.receive("r9"))
        .isInstanceOf(shop.platform.domain.NotFoundException.class)
        .hasMessageContaining("r9");
    assertThat(refunded).isEmpty();
  }
}
