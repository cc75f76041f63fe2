package shop.transaction.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
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
