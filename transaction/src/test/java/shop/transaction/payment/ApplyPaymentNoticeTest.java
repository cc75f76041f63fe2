package shop.transaction.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import shop.transaction.order.InMemoryOrders;
import shop.transaction.order.OrderEvent;
import shop.transaction.order.OrderFixtures;
import shop.transaction.order.OrderStatus;

class ApplyPaymentNoticeTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final FakeGateway gateway = new FakeGateway();
  private PaymentNotice notice;
  private final ApplyPaymentNotice apply =
      new ApplyPaymentNotice(
          orders,
          (payload, signature) -> {
            if (!"good".equals(signature)) {
              throw new InvalidPaymentNotice("bad signature", null);
            }
            return notice;
          },
          new RefundPayment(gateway),
          Clock.systemUTC());

  @Test
  void aSucceededPaymentAfterTheCustomerActedPaysTheOrder() {
    orders.put(OrderFixtures.actionRequired());
    notice = new PaymentNotice.Succeeded("evt_1", "order-1", "pi_1");

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void theSameStripeEventIsAppliedOnce() {
    orders.put(OrderFixtures.paid());
    notice = new PaymentNotice.Refunded("evt_1", "order-1", "pi_1", 4900);
    apply.apply("{}", "good");
    int events = orders.events().size();

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(orders.events()).hasSize(events);
  }

  @Test
  void aFailedPaymentCancelsTheOrder() {
    orders.put(OrderFixtures.reserved());
    notice = new PaymentNotice.Failed("evt_1", "order-1", "pi_1", "declined", "card_declined");

    apply.apply("{}", "good");

    assertThat(orders.events()).last().isInstanceOf(OrderEvent.Cancelled.class);
  }

  @Test
  void aBadSignatureChangesNothing() {
    orders.put(OrderFixtures.reserved());
    notice = new PaymentNotice.Succeeded("evt_1", "order-1", "pi_1");

    assertThatThrownBy(() -> apply.apply("{}", "forged")).isInstanceOf(InvalidPaymentNotice.class);
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.RESERVED);
  }

  @Test
  void aPaymentForACancelledOrderIsRefunded() {
    orders.put(OrderFixtures.cancelled());
    notice = new PaymentNotice.Succeeded("evt_1", "order-1", "pi_late");

    apply.apply("{}", "good");

    assertThat(gateway.refunds)
        .singleElement()
        .satisfies(r -> assertThat(r.paymentIntentId()).isEqualTo("pi_late"));
  }
}
