package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.transaction.order.OrderFixtures.T0;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OrderTest {
  private static final Instant LATER = T0.plusSeconds(60);

  @Test
  void placingMakesAPendingOrderAtVersionOneWithOrderCreated() {
    Changed placed = OrderFixtures.placed("o-1");

    assertThat(placed.before()).isNull();
    assertThat(placed.after().status()).isEqualTo(OrderStatus.PENDING);
    assertThat(placed.after().version()).isEqualTo(1);
    assertThat(placed.after().total()).isEqualTo(new Money(4900, "EUR"));
    assertThat(placed.events()).singleElement().isInstanceOf(OrderEvent.Placed.class);
  }

  @Test
  void pendingBecomesReservedWhenStockIsReserved() {
    Changed c = OrderFixtures.pending().reserve(LATER);

    assertThat(c.after().status()).isEqualTo(OrderStatus.RESERVED);
    assertThat(c.after().version()).isEqualTo(2);
    assertThat(c.events()).singleElement().isInstanceOf(OrderEvent.Reserved.class);
  }

  @Test
  void pendingIsCancelledWhenStockIsRejected() {
    Changed c = OrderFixtures.pending().cancel(CancelReason.INVENTORY_REJECTED, LATER);

    assertThat(c.after().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(c.events())
        .singleElement()
        .isEqualTo(
            new OrderEvent.Cancelled(
                2, LATER, OrderStatus.CANCELLED, CancelReason.INVENTORY_REJECTED, 0));
  }

  @Test
  void reservedBecomesPaidWhenThePaymentIsCaptured() {
    Changed c = OrderFixtures.reserved().capture("pi_9", LATER);

    assertThat(c.after().status()).isEqualTo(OrderStatus.PAID);
    assertThat(c.after().paymentIntentId()).isEqualTo("pi_9");
    assertThat(c.events())
        .singleElement()
        .isEqualTo(new OrderEvent.PaymentCaptured(3, LATER, OrderStatus.PAID, "pi_9"));
  }

  @Test
  void reservedWaitsForTheCustomerWhenStripeNeedsThem() {
    Changed c = OrderFixtures.reserved().requireAction("pi_9", "https://x", LATER);

    assertThat(c.after().status()).isEqualTo(OrderStatus.PAYMENT_ACTION_REQUIRED);
    assertThat(c.events()).singleElement().isInstanceOf(OrderEvent.PaymentActionRequired.class);
  }

  @Test
  void aDeclinedPaymentEmitsPaymentFailedThenOrderCancelled() {
    Changed c = OrderFixtures.reserved().failPayment("pi_9", "declined", "generic_decline", LATER);

    assertThat(c.after().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(c.after().version()).isEqualTo(4);
    assertThat(c.events())
        .containsExactly(
            new OrderEvent.PaymentFailed(
                3, LATER, OrderStatus.RESERVED, "declined", "generic_decline"),
            new OrderEvent.Cancelled(
                4, LATER, OrderStatus.CANCELLED, CancelReason.PAYMENT_FAILED, 0));
  }

  @Test
  void paymentActionRequiredEndsPaidOrFailed() {
    assertThat(OrderFixtures.actionRequired().capture("pi_1", LATER).after().status())
        .isEqualTo(OrderStatus.PAID);
    assertThat(OrderFixtures.actionRequired().failPayment(null, "no", null, LATER).after().status())
        .isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void paidBecomesRefundedWithTheRefundedAmount() {
    Changed c = OrderFixtures.paid().refund(CancelReason.CUSTOMER_REQUEST, 4900, LATER);

    assertThat(c.after().status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(c.events())
        .singleElement()
        .isEqualTo(
            new OrderEvent.Cancelled(
                4, LATER, OrderStatus.REFUNDED, CancelReason.CUSTOMER_REQUEST, 4900));
  }

  @Test
  void reservedCanBeCancelled() {
    assertThat(OrderFixtures.reserved().cancel(CancelReason.EXPIRED, LATER).after().status())
        .isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void rejectsEveryTransitionTheStatusDoesNotAllow() {
    Map<String, Function<Order, Changed>> actions =
        Map.of(
            "reserve", o -> o.reserve(LATER),
            "capture", o -> o.capture("pi", LATER),
            "requireAction", o -> o.requireAction("pi", null, LATER),
            "failPayment", o -> o.failPayment("pi", "no", null, LATER),
            "cancel", o -> o.cancel(CancelReason.CUSTOMER_REQUEST, LATER),
            "refund", o -> o.refund(CancelReason.CUSTOMER_REQUEST, 1, LATER));
    Map<OrderStatus, Set<String>> legal =
        Map.of(
            OrderStatus.PENDING, Set.of("reserve", "cancel"),
            OrderStatus.RESERVED, Set.of("capture", "requireAction", "failPayment", "cancel"),
            OrderStatus.PAYMENT_ACTION_REQUIRED, Set.of("capture", "failPayment", "cancel"),
            OrderStatus.PAID, Set.of("refund"),
            OrderStatus.CANCELLED, Set.of(),
            OrderStatus.REFUNDED, Set.of());
    List<Order> orders =
        List.of(
            OrderFixtures.pending(),
            OrderFixtures.reserved(),
            OrderFixtures.actionRequired(),
            OrderFixtures.paid(),
            OrderFixtures.cancelled(),
            OrderFixtures.refunded());

    for (Order order : orders) {
      actions.forEach(
          (name, action) -> {
            if (legal.get(order.status()).contains(name)) {
              Changed c = action.apply(order);
              assertThat(c.after().version())
                  .as(order.status() + " " + name)
                  .isEqualTo(order.version() + c.events().size());
            } else {
              assertThatThrownBy(() -> action.apply(order))
                  .as(order.status() + " " + name)
                  .isInstanceOf(IllegalTransition.class);
            }
          });
    }
  }

  @Test
  void onlyAChargeUnderWayCanFail() {
    assertThat(
            OrderFixtures.actionRequired()
                .failPayment(null, "declined", "card_declined", LATER)
                .after()
                .status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThatThrownBy(() -> OrderFixtures.pending().failPayment("pi_1", "declined", null, LATER))
        .isInstanceOf(IllegalTransition.class);
  }

  @Test
  void holdsUpToAHundredLines() {
    List<OrderLine> hundred =
        java.util.stream.IntStream.range(0, Order.MAX_LINES)
            .mapToObj(i -> new OrderLine("p-" + i, "SKU-" + i, "Product " + i, 1, 100))
            .toList();

    Order order =
        Order.place(
                "order-1",
                OrderFixtures.USER,
                OrderFixtures.ada(),
                hundred,
                "EUR",
                "pm_card_visa",
                null,
                OrderFixtures.address(),
                LATER)
            .after();

    assertThat(order.total()).isEqualTo(new Money(10_000, "EUR"));
  }

  @Test
  void aTotalThatIsNotTheSumOfTheLinesIsRefused() {
    Order o = OrderFixtures.pending();
    assertThatThrownBy(
            () ->
                new Order(
                    o.id(),
                    o.userId(),
                    o.customer(),
                    o.lines(),
                    new Money(1, "EUR"),
                    o.paymentMethodId(),
                    null,
                    o.shippingAddress(),
                    o.status(),
                    1,
                    T0,
                    T0,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailedPaymentKeepsTheIntentItWasGivenOrTheOneKnownBefore() {
    assertThat(
            OrderFixtures.reserved()
                .failPayment("pi_9", "declined", null, LATER)
                .after()
                .paymentIntentId())
        .isEqualTo("pi_9");
    assertThat(
            OrderFixtures.actionRequired()
                .failPayment(null, "declined", null, LATER)
                .after()
                .paymentIntentId())
        .isEqualTo("pi_1");
  }
}
