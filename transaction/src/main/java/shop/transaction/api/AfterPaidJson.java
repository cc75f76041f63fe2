package shop.transaction.api;

import java.time.Instant;
import java.util.List;
import shop.transaction.order.Order;
import shop.transaction.order.OrderReturn;
import shop.transaction.order.ProductQuantity;
import shop.transaction.order.Refund;
import shop.transaction.order.Shipment;

/** The JSON shapes of parcels, returns and refunds. Money is minor units with an ISO currency. */
final class AfterPaidJson {
  private AfterPaidJson() {}

  record Line(String productId, int quantity) {
    static List<Line> of(List<ProductQuantity> lines) {
      return lines.stream().map(l -> new Line(l.productId(), l.quantity())).toList();
    }
  }

  record ShipmentJson(
      String id,
      String orderId,
      String carrier,
      String trackingNumber,
      String trackingUrl,
      List<Line> lines,
      Instant shippedAt,
      Instant deliveredAt) {
    static ShipmentJson of(String orderId, Shipment s) {
      return new ShipmentJson(
          s.id(),
          orderId,
          s.carrier(),
          s.trackingNumber(),
          s.trackingUrl(),
          Line.of(s.lines()),
          s.shippedAt(),
          s.deliveredAt());
    }
  }

  record ReturnJson(
      String id,
      String status,
      List<Line> lines,
      String reason,
      String decision,
      String refundId,
      Instant createdAt,
      Instant updatedAt) {
    static ReturnJson of(OrderReturn r) {
      return new ReturnJson(
          r.id(),
          r.status().name(),
          Line.of(r.lines()),
          r.reason(),
          r.decision(),
          r.refundId(),
          r.requestedAt(),
          r.updatedAt());
    }
  }

  record RefundJson(
      String id,
      long amount,
      String currency,
      String status,
      String reason,
      List<Line> lines,
      Instant createdAt) {
    static RefundJson of(Order order, Refund r) {
      return new RefundJson(
          r.id(),
          r.amount(),
          order.total().currency(),
          r.status().name(),
          r.reason(),
          Line.of(r.lines()),
          r.createdAt());
    }
  }
}
