package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderUpdatesTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final OrderUpdates updates = new OrderUpdates(orders);

  @Test
  void decidesAgainOnTheFreshOrderWhenItMovedOnMeanwhile() {
    orders.put(OrderFixtures.pending());
    AtomicInteger decisions = new AtomicInteger();

    Optional<Changed> applied =
        updates.apply(
            "order-1",
            null,
            order -> {
              if (decisions.incrementAndGet() == 1) {
                orders.put(order.reserve(OrderFixtures.T0).after()); // another writer wins
              }
              return Optional.of(order.cancel(CancelReason.CUSTOMER_REQUEST, OrderFixtures.T0));
            });

    assertThat(decisions).hasValue(2);
    assertThat(applied).isPresent();
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void givesUpAfterThreeAttemptsThatAllLostTheRace() {
    orders.put(OrderFixtures.pending());
    AtomicInteger decisions = new AtomicInteger();

    assertThatThrownBy(
            () ->
                updates.apply(
                    "order-1",
                    null,
                    order -> {
                      decisions.incrementAndGet();
                      orders.put(touched(order)); // another writer wins each time
                      return Optional.of(order.reserve(OrderFixtures.T0));
                    }))
        .isInstanceOf(ConcurrentOrderChange.class);
    assertThat(decisions).hasValue(3);
  }

  @Test
  void aMessageHandledBeforeChangesNothing() {
    orders.put(OrderFixtures.pending());
    HandledMessage message = new HandledMessage(Consumers.PAYMENTS, "evt-1");
    orders.markHandled(message);

    Optional<Changed> applied =
        updates.apply("order-1", message, order -> Optional.of(order.reserve(OrderFixtures.T0)));

    assertThat(applied).isEmpty();
    assertThat(orders.find("order-1").orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void aDecisionToDoNothingStillRecordsTheMessage() {
    orders.put(OrderFixtures.pending());
    HandledMessage message = new HandledMessage(Consumers.PAYMENTS, "evt-1");

    assertThat(updates.apply("order-1", message, order -> Optional.empty())).isEmpty();
    assertThat(orders.wasHandled(message)).isTrue();
  }

  @Test
  void anUnknownOrderIsNotFound() {
    assertThatThrownBy(() -> updates.apply("order-9", null, order -> Optional.empty()))
        .isInstanceOf(OrderNotFound.class);
  }

  /** The order as another writer saved it: the same, one version on. */
  static Order touched(Order o) {
    return new Order(
        o.id(),
        o.userId(),
        o.customer(),
        o.lines(),
        o.total(),
        o.paymentMethodId(),
        o.stripeCustomerId(),
        o.shippingAddress(),
        o.status(),
        o.version() + 1,
        o.createdAt(),
        o.updatedAt(),
        o.paymentIntentId());
  }
}
