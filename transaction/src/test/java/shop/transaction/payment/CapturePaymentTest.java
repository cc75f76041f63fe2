package shop.transaction.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import shop.transaction.order.CancelReason;
import shop.transaction.order.Consumers;
import shop.transaction.order.HandledMessage;
import shop.transaction.order.InMemoryOrders;
import shop.transaction.order.Order;
import shop.transaction.order.OrderEvent;
import shop.transaction.order.OrderFixtures;
import shop.transaction.order.OrderNotFound;
import shop.transaction.order.OrderStatus;

class CapturePaymentTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final FakeGateway gateway = new FakeGateway();
  private final FakePaymentMethodOwners owners = new FakePaymentMethodOwners();
  private final CapturePayment capture =
      new CapturePayment(orders, gateway, owners, new RefundPayment(gateway), Clock.systemUTC());

  @Test
  void chargesTheOrderOnceAndMarksItPaid() {
    orders.put(OrderFixtures.pending());

    capture.capture("evt-1", "order-1");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    assertThat(gateway.charges)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.idempotencyKey()).isEqualTo("charge-order-1");
              assertThat(c.amount().amount()).isEqualTo(4900);
              assertThat(c.customerId()).isEqualTo("cus_1");
              assertThat(c.paymentMethodId()).isEqualTo("pm_card_visa");
            });
    assertThat(orders.events())
        .map(e -> e.getClass().getSimpleName())
        .containsExactly("Reserved", "PaymentCaptured");
    assertThat(orders.wasHandled(new HandledMessage(Consumers.PAYMENTS, "evt-1"))).isTrue();
  }

  @Test
  void aCustomerFromTheTokenIsChargedWithoutAskingWhoseTheCardIs() {
    orders.put(OrderFixtures.pending());

    capture.capture("evt-1", "order-1");

    assertThat(owners.asked).isEmpty();
    assertThat(gateway.charges)
        .singleElement()
        .extracting(ChargeRequest::customerId)
        .isEqualTo("cus_1");
  }

  @Test
  void withoutACustomerInTheTokenTheCardIsChargedWithItsCustomerMadeForTheOrdersUser() {
    orders.put(OrderFixtures.pendingWithoutCustomer("pm_1"));
    owners.owners.put("pm_1", new PaymentMethodOwner("cus_ada", OrderFixtures.USER));

    capture.capture("evt-1", "order-1");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    assertThat(gateway.charges)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.customerId()).isEqualTo("cus_ada");
              assertThat(c.paymentMethodId()).isEqualTo("pm_1");
            });
  }

  @Test
  void anotherUsersCardIsNotChargedAndTheOrderFailsAsDeclined() {
    orders.put(OrderFixtures.pendingWithoutCustomer("pm_bobs"));
    owners.owners.put("pm_bobs", new PaymentMethodOwner("cus_bob", "user-bob"));

    capture.capture("evt-1", "order-1");

    assertThat(gateway.charges).isEmpty();
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(orders.events())
        .filteredOn(OrderEvent.PaymentFailed.class::isInstance)
        .singleElement()
        .satisfies(
            e -> assertThat(((OrderEvent.PaymentFailed) e).reason()).isEqualTo(Payer.NOT_YOURS));
    assertThat(orders.wasHandled(new HandledMessage(Consumers.PAYMENTS, "evt-1"))).isTrue();
  }

  @Test
  void aCustomerThatRecordsNoUserIsNotChargedWithoutTheTokensClaim() {
    orders.put(OrderFixtures.pendingWithoutCustomer("pm_old"));
    owners.owners.put("pm_old", new PaymentMethodOwner("cus_made_before_metadata", null));

    capture.capture("evt-1", "order-1");

    assertThat(gateway.charges).isEmpty();
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void aCardAttachedToNoOneIsChargedAloneAsStripeAllows() {
    orders.put(OrderFixtures.pendingWithoutCustomer("pm_card_visa"));

    capture.capture("evt-1", "order-1");

    assertThat(gateway.charges).singleElement().extracting(ChargeRequest::customerId).isNull();
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void whenStripeCannotSayWhoseTheCardIsTheMessageFailsAndNothingIsCharged() {
    orders.put(OrderFixtures.pendingWithoutCustomer("pm_1"));
    owners.down = true;

    assertThatThrownBy(() -> capture.capture("evt-1", "order-1"))
        .isInstanceOf(PaymentUnavailable.class);

    assertThat(gateway.charges).isEmpty();
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.RESERVED);
    assertThat(orders.wasHandled(new HandledMessage(Consumers.PAYMENTS, "evt-1"))).isFalse();
  }

  @Test
  void aRedeliveredMessageChargesNothingMore() {
    orders.put(OrderFixtures.pending());
    capture.capture("evt-1", "order-1");

    capture.capture("evt-1", "order-1");

    assertThat(gateway.charges).hasSize(1);
  }

  @Test
  void aDeclinedCardCancelsTheOrder() {
    orders.put(OrderFixtures.pending());
    gateway.next = new ChargeOutcome.Declined("pi_1", "Your card was declined.", "card_declined");

    capture.capture("evt-1", "order-1");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(orders.events())
        .map(e -> e.getClass().getSimpleName())
        .containsExactly("Reserved", "PaymentFailed", "Cancelled");
  }

  @Test
  void waitsForTheCustomerWhenStripeNeedsThem() {
    orders.put(OrderFixtures.pending());
    gateway.next = new ChargeOutcome.ActionRequired("pi_1", "https://stripe.test/3ds");

    capture.capture("evt-1", "order-1");

    assertThat(orders.find("order-1").orElseThrow().status())
        .isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
  }

  @Test
  void aStripeOutageFailsTheMessageAndARetryUsesTheSameKey() {
    orders.put(OrderFixtures.pending());
    gateway.down = true;

    assertThatThrownBy(() -> capture.capture("evt-1", "order-1"))
        .isInstanceOf(PaymentUnavailable.class);
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.RESERVED);
    assertThat(orders.wasHandled(new HandledMessage(Consumers.PAYMENTS, "evt-1"))).isFalse();

    gateway.down = false;
    capture.capture("evt-1", "order-1");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    assertThat(gateway.charges)
        .extracting(ChargeRequest::idempotencyKey)
        .containsExactly("charge-order-1", "charge-order-1");
    assertThat(orders.events()).filteredOn(OrderEvent.PaymentCaptured.class::isInstance).hasSize(1);
  }

  @Test
  void aCancelledOrderIsNotCharged() {
    orders.put(OrderFixtures.cancelled());

    capture.capture("evt-1", "order-1");

    assertThat(gateway.charges).isEmpty();
    assertThat(orders.wasHandled(new HandledMessage(Consumers.PAYMENTS, "evt-1"))).isTrue();
  }

  @Test
  void aChargeThatSucceedsAfterTheOrderWasCancelledIsRefunded() {
    orders.put(OrderFixtures.pending());
    gateway.whileCharging = this::customerCancels;

    capture.capture("evt-1", "order-1");

    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(gateway.refunds)
        .singleElement()
        .satisfies(r -> assertThat(r.amount().amount()).isEqualTo(4900));
    assertThat(orders.wasHandled(new HandledMessage(Consumers.PAYMENTS, "evt-1"))).isTrue();
  }

  @Test
  void aChargeDeclinedAfterTheOrderWasCancelledHasNothingToGiveBack() {
    orders.put(OrderFixtures.pending());
    gateway.next = new ChargeOutcome.Declined("pi_1", "Your card was declined.", "card_declined");
    gateway.whileCharging = this::customerCancels;

    capture.capture("evt-1", "order-1");

    assertThat(gateway.refunds).isEmpty();
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void anOrderCancelledJustAfterItWasReadIsNotCharged() {
    orders.put(OrderFixtures.pending());
    orders.afterFind =
        order -> {
          orders.afterFind = o -> {};
          orders.put(order.cancel(CancelReason.CUSTOMER_REQUEST, OrderFixtures.T0).after());
        };

    capture.capture("evt-1", "order-1");

    assertThat(gateway.charges).isEmpty();
    assertThat(orders.wasHandled(new HandledMessage(Consumers.PAYMENTS, "evt-1"))).isTrue();
  }

  @Test
  void anUnknownOrderIsNotFound() {
    assertThatThrownBy(() -> capture.capture("evt-1", "order-9")).isInstanceOf(OrderNotFound.class);
    assertThat(gateway.charges).isEmpty();
  }

  private void customerCancels() {
    Order reserved = orders.find("order-1").orElseThrow();
    orders.put(reserved.cancel(CancelReason.CUSTOMER_REQUEST, OrderFixtures.T0).after());
  }
}
