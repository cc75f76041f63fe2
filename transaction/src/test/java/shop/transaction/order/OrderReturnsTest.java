package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.transaction.order.OrderFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;

class OrderReturnsTest {
  private static final Duration WINDOW = Duration.ofDays(30);
  private static final Instant DELIVERED_AT = T0.plusSeconds(86_400);
  private static final List<ProductQuantity> ONE_MUG = List.of(new ProductQuantity("p-mug", 1));

  @Test
  void aDeliveredLineCanBeAskedBackWithinTheWindow() {
    Changed asked =
        OrderReturns.request(
            OrderFixtures.delivered(), "r1", ONE_MUG, "too small", WINDOW, DELIVERED_AT);

    OrderReturn r = asked.after().fulfilment().orderReturn("r1").orElseThrow();
    assertThat(r.status()).isEqualTo(ReturnStatus.REQUESTED);
    assertThat(asked.after().status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(asked.events()).singleElement().isInstanceOf(OrderEvent.ReturnRequested.class);
  }

  @Test
  void theWindowClosesThirtyDaysAfterDelivery() {
    assertThatThrownBy(
            () ->
                OrderReturns.request(
                    OrderFixtures.delivered(),
                    "r1",
                    ONE_MUG,
                    "late",
                    WINDOW,
                    DELIVERED_AT.plus(WINDOW).plusSeconds(1)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("return window");
  }

  @Test
  void neverMoreThanDeliveredMinusAlreadyAskedBack() {
    Order once =
        OrderReturns.request(
                OrderFixtures.delivered(),
                "r1",
                List.of(new ProductQuantity("p-mug", 2)),
                "both",
                WINDOW,
                DELIVERED_AT)
            .after();

    assertThatThrownBy(
            () -> OrderReturns.request(once, "r2", ONE_MUG, "again", WINDOW, DELIVERED_AT))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only 0 of p-mug");
  }

  @Test
  void aRejectedReturnsLinesMayBeAskedBackAgain() {
    Order asked =
        OrderReturns.request(
                OrderFixtures.delivered(),
                "r1",
                List.of(new ProductQuantity("p-mug", 2)),
                "both",
                WINDOW,
                DELIVERED_AT)
            .after();
    Order rejected = OrderReturns.decide(asked, "r1", false, "worn", DELIVERED_AT).after();

    assertThat(rejected.fulfilment().orderReturn("r1").orElseThrow().status())
        .isEqualTo(ReturnStatus.REJECTED);
    assertThat(OrderReturns.request(rejected, "r2", ONE_MUG, "again", WINDOW, DELIVERED_AT).after())
        .isNotNull();
  }

  @Test
  void undeliveredOrdersTakeNoReturn() {
    assertThatThrownBy(
            () ->
                OrderReturns.request(
                    OrderFixtures.shipped(), "r1", ONE_MUG, "x", WINDOW, DELIVERED_AT))
        .isInstanceOf(IllegalTransition.class);
    assertThatThrownBy(
            () ->
                OrderReturns.request(
                    OrderFixtures.paid(), "r1", ONE_MUG, "x", WINDOW, DELIVERED_AT))
        .isInstanceOf(IllegalTransition.class);
  }

  @Test
  void receivingAnApprovedReturnSetsItsWorthAsideAsAPendingRefund() {
    Order approved = approvedReturnOfOneMug();

    Changed received = OrderReturns.receive(approved, "r1", "f1", DELIVERED_AT);

    assertThat(received.events())
        .hasExactlyElementsOfTypes(OrderEvent.ReturnReceived.class, OrderEvent.RefundStarted.class);
    assertThat(received.after().version()).isEqualTo(approved.version() + 2);
    Refund refund = received.after().fulfilment().refund("f1").orElseThrow();
    assertThat(refund.amount()).isEqualTo(1250);
    assertThat(refund.status()).isEqualTo(RefundStatus.PENDING);
    assertThat(refund.lines()).isEqualTo(ONE_MUG);
    assertThat(received.after().fulfilment().refundable()).isEqualTo(4900 - 1250);
  }

  @Test
  void onlyAnApprovedReturnIsReceivedAndOnlyARequestedOneDecided() {
    Order asked =
        OrderReturns.request(OrderFixtures.delivered(), "r1", ONE_MUG, "x", WINDOW, DELIVERED_AT)
            .after();
    assertThatThrownBy(() -> OrderReturns.receive(asked, "r1", "f1", DELIVERED_AT))
        .isInstanceOf(ConflictException.class);
    Order approved = OrderReturns.decide(asked, "r1", true, null, DELIVERED_AT).after();
    assertThatThrownBy(() -> OrderReturns.decide(approved, "r1", false, "no", DELIVERED_AT))
        .isInstanceOf(ConflictException.class);
  }

  static Order approvedReturnOfOneMug() {
    Order asked =
        OrderReturns.request(OrderFixtures.delivered(), "r1", ONE_MUG, "x", WINDOW, DELIVERED_AT)
            .after();
    return OrderReturns.decide(asked, "r1", true, null, DELIVERED_AT).after();
  }

  @Test
  void aReturnIsRefundedAtItsOwnLinesPrice() {
    List<ProductQuantity> oneTee = List.of(new ProductQuantity("p-tee", 1));
    Order asked =
        OrderReturns.request(OrderFixtures.delivered(), "r1", oneTee, "x", WINDOW, DELIVERED_AT)
            .after();
    Order approved = OrderReturns.decide(asked, "r1", true, null, DELIVERED_AT).after();

    Changed received = OrderReturns.receive(approved, "r1", "f1", DELIVERED_AT);

    assertThat(received.after().fulfilment().refund("f1").orElseThrow().amount()).isEqualTo(2400);
  }

  @Test
  void aReturnReceivedWhenNothingIsLeftToRefundStartsNoRefund() {
    Order nothingLeft =
        OrderRefunds.start(approvedReturnOfOneMug(), "f0", "k0", 4900, "goodwill", DELIVERED_AT)
            .after();

    Changed received = OrderReturns.receive(nothingLeft, "r1", "f1", DELIVERED_AT);

    assertThat(received.events()).hasExactlyElementsOfTypes(OrderEvent.ReturnReceived.class);
    OrderReturn r = received.after().fulfilment().orderReturn("r1").orElseThrow();
    assertThat(r.status()).isEqualTo(ReturnStatus.RECEIVED);
    assertThat(r.refundId()).isNull();
    assertThat(received.after().fulfilment().refund("f1")).isEmpty();
  }

  @Test
  void anUnknownReturnIsNotFound() {
    assertThatThrownBy(
            () -> OrderReturns.decide(approvedReturnOfOneMug(), "r9", true, null, DELIVERED_AT))
        .isInstanceOf(shop.platform.domain.NotFoundException.class)
        .hasMessageContaining("r9");
  }
}
