package shop.transaction.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import shop.transaction.order.Consumers;
import shop.transaction.order.HandledMessage;
import shop.transaction.order.InMemoryOrders;
import shop.transaction.order.Money;
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
          gateway,
          new RefundPayment(gateway),
          Clock.systemUTC());

  @Test
  void aSucceededPaymentAfterTheCustomerActedPaysTheOrder() {
    orders.put(OrderFixtures.actionRequired());
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.SUCCEEDED, 0);
    notice = new PaymentNotice.Succeeded("evt_1", "order-1", "pi_1");

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void anEventTypeWeDoNotActOnIsRecordedAndChangesNothing() {
    orders.put(OrderFixtures.actionRequired());
    notice = new PaymentNotice.Ignored("evt_1", "customer.created");
    gateway.down = true; // nothing is asked of the provider

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status())
        .isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
    assertThat(orders.wasHandled(new HandledMessage(Consumers.STRIPE_WEBHOOKS, "evt_1"))).isTrue();
  }

  @Test
  void aDeclineAfterTheCustomerAuthenticatedCancelsTheOrder() {
    orders.put(OrderFixtures.actionRequired());
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.FAILED, 0);
    notice = new PaymentNotice.Failed("evt_1", "order-1", "pi_1", "declined", "card_declined");

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void theSameStripeEventIsAppliedOnce() {
    orders.put(OrderFixtures.paid());
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.SUCCEEDED, 4900);
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
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.FAILED, 0);
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
    gateway.holds("pi_late", "order-1", ProviderPayment.Status.SUCCEEDED, 0);
    notice = new PaymentNotice.Succeeded("evt_1", "order-1", "pi_late");

    apply.apply("{}", "good");

    assertThat(gateway.refunds)
        .singleElement()
        .satisfies(r -> assertThat(r.paymentIntentId()).isEqualTo("pi_late"));
  }

  @Test
  void aSignedSuccessForAPaymentOfAnotherAmountLeavesTheOrderUnpaid() {
    orders.put(OrderFixtures.actionRequired());
    gateway.payments.put(
        "pi_1",
        new ProviderPayment(
            "pi_1",
            "order-1",
            new Money(100, "EUR"),
            ProviderPayment.Status.SUCCEEDED,
            0,
            null,
            null,
            null));
    notice = new PaymentNotice.Succeeded("evt_1", "order-1", "pi_1");

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status())
        .isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
    assertThat(orders.wasHandled(new HandledMessage(Consumers.STRIPE_WEBHOOKS, "evt_1")))
        .as("answered, and not looked at again")
        .isTrue();
  }

  @Test
  void aSignedSuccessNamingAnotherOrdersPaymentOrOneStripeDoesNotKnowChangesNothing() {
    orders.put(OrderFixtures.actionRequired());
    gateway.holds("pi_other", "order-2", ProviderPayment.Status.SUCCEEDED, 0);

    notice = new PaymentNotice.Succeeded("evt_1", "order-1", "pi_other");
    apply.apply("{}", "good");
    notice = new PaymentNotice.Succeeded("evt_2", "order-1", "pi_unknown");
    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status())
        .isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
    assertThat(gateway.refunds).isEmpty();
  }

  @Test
  void aSuccessWhileStripeStillWaitsForTheCustomerChangesNothing() {
    orders.put(OrderFixtures.actionRequired());
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.REQUIRES_ACTION, 0);
    notice = new PaymentNotice.Succeeded("evt_1", "order-1", "pi_1");

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status())
        .isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
  }

  @Test
  void aRefundNoticeRecordsWhatStripeRefundedNotWhatTheEventClaims() {
    orders.put(OrderFixtures.paid());
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.SUCCEEDED, 0);
    notice = new PaymentNotice.Refunded("evt_1", "order-1", "pi_1", 4900);

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void aFailureNoticeForAPaymentThatSucceededDoesNotCancelTheOrder() {
    orders.put(OrderFixtures.reserved());
    gateway.holds("pi_1", "order-1", ProviderPayment.Status.SUCCEEDED, 0);
    notice = new PaymentNotice.Failed("evt_1", "order-1", "pi_1", "declined", "card_declined");

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.RESERVED);
  }

  @Test
  void theFailureStripeReportsForAnOffSessionChargeNeedingAuthenticationKeepsTheOrderWaiting() {
    orders.put(OrderFixtures.actionRequired());
    gateway.payments.put(
        "pi_1",
        new ProviderPayment(
            "pi_1",
            "order-1",
            new Money(4900, "EUR"),
            ProviderPayment.Status.FAILED,
            0,
            "pi_1_secret_x",
            null,
            ProviderPayment.AUTHENTICATION_REQUIRED));
    notice =
        new PaymentNotice.Failed(
            "evt_1", "order-1", "pi_1", "authentication required", "authentication_required");

    apply.apply("{}", "good");

    assertThat(orders.find("order-1").orElseThrow().status())
        .isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
  }
}
