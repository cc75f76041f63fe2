package shop.transaction.order;

import java.time.Instant;

/**
 * Something that happened to an order. Each one raises the order's version by one: {@link
 * #sequence()} is the version after it, and the sequence of the integration event it becomes.
 * {@link Reserved} is product's news and becomes no event of ours; it still takes its number.
 */
public sealed interface OrderEvent {
  long sequence();

  Instant at();

  /** The order's status after this event. */
  OrderStatus status();

  /** The event's name in the order's history. */
  default String name() {
    return switch (this) {
      case Placed p -> "OrderCreated";
      case Reserved r -> "InventoryReserved";
      case PaymentCaptured c -> "PaymentCaptured";
      case PaymentActionRequired a -> "PaymentActionRequired";
      case PaymentFailed f -> "PaymentFailed";
      case Cancelled c -> "OrderCancelled";
      case Shipped s -> "OrderShipped";
      case ShipmentDelivered d -> "ShipmentDelivered";
      case Delivered d -> "OrderDelivered";
      case ReturnRequested r -> "ReturnRequested";
      case ReturnDecided r ->
          r.orderReturn().status() == ReturnStatus.APPROVED ? "ReturnApproved" : "ReturnRejected";
      case ReturnReceived r -> "ReturnReceived";
      case RefundStarted r -> "RefundStarted";
      case RefundIssued r -> "RefundIssued";
      case RefundFailed r -> "RefundFailed";
    };
  }

  record Placed(long sequence, Instant at, OrderStatus status) implements OrderEvent {}

  record Reserved(long sequence, Instant at, OrderStatus status) implements OrderEvent {}

  record PaymentCaptured(long sequence, Instant at, OrderStatus status, String paymentIntentId)
      implements OrderEvent {}

  /**
   * @param actionUrl where the customer completes the payment, or null
   */
  record PaymentActionRequired(
      long sequence, Instant at, OrderStatus status, String paymentIntentId, String actionUrl)
      implements OrderEvent {}

  /**
   * @param declineCode the provider's decline code, or null
   */
  record PaymentFailed(
      long sequence, Instant at, OrderStatus status, String reason, String declineCode)
      implements OrderEvent {}

  /**
   * @param status CANCELLED, or REFUNDED when the order had been paid
   */
  record Cancelled(
      long sequence, Instant at, OrderStatus status, CancelReason reason, long refundedAmount)
      implements OrderEvent {}

  /**
   * @param complete nothing of the order is left to ship
   */
  record Shipped(long sequence, Instant at, OrderStatus status, Shipment shipment, boolean complete)
      implements OrderEvent {}

  /** A parcel arrived while others still travel: history only, no integration event. */
  record ShipmentDelivered(long sequence, Instant at, OrderStatus status, String shipmentId)
      implements OrderEvent {}

  /** The last parcel arrived: the order is DELIVERED. */
  record Delivered(long sequence, Instant at, OrderStatus status) implements OrderEvent {}

  record ReturnRequested(long sequence, Instant at, OrderStatus status, OrderReturn orderReturn)
      implements OrderEvent {}

  /** Staff approved or rejected a return: history only. */
  record ReturnDecided(long sequence, Instant at, OrderStatus status, OrderReturn orderReturn)
      implements OrderEvent {}

  record ReturnReceived(long sequence, Instant at, OrderStatus status, OrderReturn orderReturn)
      implements OrderEvent {}

  /** A refund's amount is set aside before the provider is asked: history only. */
  record RefundStarted(long sequence, Instant at, OrderStatus status, Refund refund)
      implements OrderEvent {}

  record RefundIssued(long sequence, Instant at, OrderStatus status, Refund refund)
      implements OrderEvent {}

  /** The provider refused the refund: its amount is free again. History only. */
  record RefundFailed(long sequence, Instant at, OrderStatus status, Refund refund)
      implements OrderEvent {}
}
