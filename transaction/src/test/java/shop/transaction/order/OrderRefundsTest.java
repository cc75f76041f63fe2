package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.transaction.order.OrderFixtures.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;

class OrderRefundsTest {
  @Test
  void aPartRefundIsSetAsideThenIssued() {
    Order started =
        OrderRefunds.start(OrderFixtures.delivered(), "f1", "k1", 1000, "goodwill", T0).after();
    assertThat(started.fulfilment().refundable()).isEqualTo(3900);
    assertThat(started.fulfilment().refundedAmount()).isZero();

    Changed issued = OrderRefunds.complete(started, "f1", T0);

    assertThat(issued.events()).singleElement().isInstanceOf(OrderEvent.RefundIssued.class);
    assertThat(issued.after().fulfilment().refundedAmount()).isEqualTo(1000);
    assertThat(issued.after().status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(OrderRefunds.complete(issued.after(), "f1", T0)).isNull();
  }

  @Test
  void refundingEverythingCapturedMakesTheOrderRefunded() {
    for (Order order : List.of(OrderFixtures.paid(), OrderFixtures.shipped())) {
      Order started = OrderRefunds.start(order, "f1", "k1", 4900, "all", T0).after();
      Order done = OrderRefunds.complete(started, "f1", T0).after();
      assertThat(done.status()).as(order.status().name()).isEqualTo(OrderStatus.REFUNDED);
      assertThat(done.fulfilment().refundedAmount()).isEqualTo(4900);
    }
  }

  @Test
  void neverMoreThanCapturedMinusRefundedMinusPending() {
    Order started = OrderRefunds.start(OrderFixtures.paid(), "f1", "k1", 4000, "a", T0).after();

    assertThatThrownBy(() -> OrderRefunds.start(started, "f2", "k2", 901, "b", T0))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only 900");
  }

  @Test
  void aFailedRefundFreesItsAmount() {
    Order started = OrderRefunds.start(OrderFixtures.paid(), "f1", "k1", 4900, "a", T0).after();

    Changed failed = OrderRefunds.fail(started, "f1", T0);

    assertThat(failed.after().fulfilment().refund("f1").orElseThrow().status())
        .isEqualTo(RefundStatus.FAILED);
    assertThat(failed.after().fulfilment().refundable()).isEqualTo(4900);
    assertThat(failed.after().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void unpaidAndFinishedOrdersAreNotRefunded() {
    for (Order order :
        List.of(OrderFixtures.pending(), OrderFixtures.cancelled(), OrderFixtures.refunded())) {
      assertThatThrownBy(() -> OrderRefunds.start(order, "f1", "k1", 1, "a", T0))
          .as(order.status().name())
          .isInstanceOf(IllegalTransition.class);
    }
  }

  @Test
  void anUnknownRefundIsNotFound() {
    assertThatThrownBy(() -> OrderRefunds.complete(OrderFixtures.paid(), "f9", T0))
        .isInstanceOf(shop.platform.domain.NotFoundException.class)
        .hasMessageContaining("f9");
  }

  @Test
  void oneMinorUnitIsTheSmallestRefund() {
    Order started = OrderRefunds.start(OrderFixtures.paid(), "f1", "k1", 1, "goodwill", T0).after();

    assertThat(started.fulfilment().refundable()).isEqualTo(4899);
    assertThatThrownBy(
            () -> new Refund("f2", "k2", 0, "goodwill", List.of(), RefundStatus.PENDING, T0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
