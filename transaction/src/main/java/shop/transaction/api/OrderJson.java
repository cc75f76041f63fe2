package shop.transaction.api;

import java.time.Instant;
import java.util.List;
import shop.transaction.order.HistoryEntry;
import shop.transaction.order.Order;
import shop.transaction.order.OrderLine;
import shop.transaction.order.OrderPage;
import shop.transaction.order.OrderView;
import shop.transaction.order.PlacedOrder;
import shop.transaction.order.ShippingAddress;
import shop.transaction.payment.ViewPayment;

/** The JSON shapes of orders in responses. Money is minor units with an ISO currency. */
final class OrderJson {
  private OrderJson() {}

  record Line(String productId, String sku, String name, int quantity, long unitPrice) {
    static Line of(OrderLine l) {
      return new Line(l.productId(), l.sku(), l.name(), l.quantity(), l.unitPrice());
    }
  }

  /** What {@code GET /orders/{id}/payment} answers; absent fields are left out. */
  record Payment(String status, String clientSecret, NextAction nextAction) {
    record NextAction(String type, String redirectUrl) {}

    static Payment of(ViewPayment.PaymentState state) {
      var next = state.nextAction();
      return new Payment(
          state.status().name(),
          state.clientSecret(),
          next == null ? null : new NextAction(next.type(), next.redirectUrl()));
    }
  }

  /** What {@code POST /orders} answers, the same for every replay. */
  record Placed(
      String id, String status, long total, String currency, List<Line> lines, Instant createdAt) {
    static Placed of(PlacedOrder placed) {
      Order o = placed.order();
      return new Placed(
          o.id(),
          placed.status().name(),
          o.total().amount(),
          o.total().currency(),
          linesOf(o),
          o.createdAt());
    }
  }

  record Summary(
      String id,
      String status,
      long total,
      String currency,
      List<Line> lines,
      Instant createdAt,
      Instant updatedAt) {
    static Summary of(Order o) {
      return new Summary(
          o.id(),
          o.status().name(),
          o.total().amount(),
          o.total().currency(),
          linesOf(o),
          o.createdAt(),
          o.updatedAt());
    }
  }

  record Page(List<Summary> items, String nextCursor) {
    static Page of(OrderPage page) {
      return new Page(
          page.orders().stream().map(Summary::of).toList(), Cursors.encode(page.next()));
    }
  }

  record Step(long version, String event, String status, Instant at) {
    static Step of(HistoryEntry h) {
      return new Step(h.version(), h.event(), h.status().name(), h.at());
    }
  }

  record Detail(
      String id,
      String userId,
      String status,
      long version,
      long total,
      String currency,
      List<Line> lines,
      ShippingAddress shippingAddress,
      Instant createdAt,
      Instant updatedAt,
      long capturedAmount,
      long refundedAmount,
      List<AfterPaidJson.ShipmentJson> shipments,
      List<AfterPaidJson.ReturnJson> returns,
      List<AfterPaidJson.RefundJson> refunds,
      List<Step> history) {
    static Detail of(OrderView view) {
      Order o = view.order();
      return new Detail(
          o.id(),
          o.userId(),
          o.status().name(),
          o.version(),
          o.total().amount(),
          o.total().currency(),
          linesOf(o),
          o.shippingAddress(),
          o.createdAt(),
          o.updatedAt(),
          o.fulfilment().capturedAmount(),
          o.fulfilment().refundedAmount(),
          o.fulfilment().shipments().stream()
              .map(s -> AfterPaidJson.ShipmentJson.of(o.id(), s))
              .toList(),
          o.fulfilment().returns().stream().map(AfterPaidJson.ReturnJson::of).toList(),
          o.fulfilment().refunds().stream().map(r -> AfterPaidJson.RefundJson.of(o, r)).toList(),
          view.history().stream().map(Step::of).toList());
    }
  }

  private static List<Line> linesOf(Order o) {
    return o.lines().stream().map(Line::of).toList();
  }
}
