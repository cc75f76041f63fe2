package shop.transaction.order;

import java.util.EnumSet;
import java.util.Set;

/** Where an order is in its life, and where it may go from there. */
public enum OrderStatus {
  PENDING,
  RESERVED,
  PAYMENT_ACTION_REQUIRED,
  PAID,
  PARTIALLY_SHIPPED,
  SHIPPED,
  DELIVERED,
  CANCELLED,
  REFUNDED;

  /** Not paid yet: each holds its stock until it is paid, cancelled or expires. */
  public static final Set<OrderStatus> UNPAID =
      EnumSet.of(PENDING, RESERVED, PAYMENT_ACTION_REQUIRED);

  /** Paid, and not all of it went back: what shipments, returns and refunds start from. */
  public static final Set<OrderStatus> FULFILLING =
      EnumSet.of(PAID, PARTIALLY_SHIPPED, SHIPPED, DELIVERED);

  /** The statuses this one may move to; empty for the final ones. */
  public Set<OrderStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(RESERVED, CANCELLED);
      case RESERVED -> EnumSet.of(PAID, CANCELLED, PAYMENT_ACTION_REQUIRED);
      // The customer finished (or abandoned) the action Stripe asked for.
      case PAYMENT_ACTION_REQUIRED -> EnumSet.of(PAID, CANCELLED);
      // REFUNDED once everything captured went back, whatever was shipped.
      case PAID -> EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, REFUNDED);
      case PARTIALLY_SHIPPED -> EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, REFUNDED);
      case SHIPPED -> EnumSet.of(DELIVERED, REFUNDED);
      case DELIVERED -> EnumSet.of(REFUNDED);
      case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  public boolean canBecome(OrderStatus target) {
    return next().contains(target);
  }

  public boolean isFinal() {
    return next().isEmpty();
  }
}
