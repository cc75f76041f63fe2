package shop.transaction.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.transaction.order.Order;
import shop.transaction.order.OrderFixtures;
import shop.transaction.order.Refund;
import shop.transaction.order.RefundStatus;

class RefundPaymentTest {
  private final FakeGateway gateway = new FakeGateway();
  private final RefundPayment refunds = new RefundPayment(gateway);

  @Test
  void refundsThePaidOrderInFullWithAKeyDerivedFromTheOrder() {
    assertThat(refunds.refund(OrderFixtures.paid(), "pi_1")).isEqualTo(4900);

    assertThat(gateway.refunds)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.idempotencyKey()).isEqualTo("refund-order-1");
              assertThat(r.paymentIntentId()).isEqualTo("pi_1");
            });
  }

  @Test
  void refusesAnOrderWithoutAPayment() {
    assertThatThrownBy(() -> refunds.refund(OrderFixtures.pending(), null))
        .isInstanceOf(IllegalStateException.class);
    assertThat(gateway.refunds).isEmpty();
  }

  @Test
  void findsAPartRefundTheProviderMadeByItsKeyAndOnlyThatOne() {
    Order order = OrderFixtures.paid();
    Refund part =
        new Refund(
            "r1",
            null,
            1000,
            "goodwill",
            List.of(),
            RefundStatus.PENDING,
            OrderFixtures.T0,
            OrderFixtures.T0);
    Refund other =
        new Refund(
            "r2",
            null,
            500,
            "goodwill",
            List.of(),
            RefundStatus.PENDING,
            OrderFixtures.T0,
            OrderFixtures.T0);
    gateway.down = true;
    assertThatThrownBy(() -> refunds.refundPart(order, part))
        .isInstanceOf(PaymentUnavailable.class);
    gateway.down = false;
    assertThat(refunds.contains(order, part)).as("asked while down: not made").isFalse();

    refunds.refundPart(order, part);

    assertThat(refunds.contains(order, part)).isTrue();
    assertThat(refunds.contains(order, other)).isFalse();
    assertThat(refunds.contains(OrderFixtures.pending(), part)).as("no payment").isFalse();
  }

  @Test
  void refusesToRefundPartOfAnOrderWithoutAPayment() {
    Refund refund =
        new Refund(
            "f1",
            "k1",
            100,
            "goodwill",
            List.of(),
            RefundStatus.PENDING,
            OrderFixtures.T0,
            OrderFixtures.T0);

    assertThatThrownBy(() -> refunds.refundPart(OrderFixtures.pending(), refund))
        .isInstanceOf(IllegalStateException.class);
    assertThat(gateway.refunds).isEmpty();
  }
}
