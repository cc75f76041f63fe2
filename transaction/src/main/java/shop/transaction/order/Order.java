package shop.transaction.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order: what was bought at which server prices, by whom, and where it is in its life.
 * Immutable: every decision returns a {@link Changed} with the new order and the events that led
 * there, and only the transitions {@link OrderStatus} allows are possible.
 *
 * @param version the number of events so far, the sequence of the latest one
 * @param stripeCustomerId the customer's Stripe customer, or null
 * @param paymentIntentId the Stripe PaymentIntent once a charge was attempted, else null
 * @param fulfilment money, parcels, returns and refunds once paid
 */
public record Order(
    String id,
    String userId,
    Customer customer,
    List<OrderLine> lines,
    Money total,
    String paymentMethodId,
    String stripeCustomerId,
    ShippingAddress shippingAddress,
    OrderStatus status,
    long version,
    Instant createdAt,
    Instant updatedAt,
    String paymentIntentId,
    Fulfilment fulfilment) {

  public static final int MAX_LINES = 100;

  /** An order that nothing was paid for, shipped or refunded yet. */
  public Order(
      String id,
      String userId,
      Customer customer,
      List<OrderLine> lines,
      Money total,
      String paymentMethodId,
      String stripeCustomerId,
      ShippingAddress shippingAddress,
      OrderStatus status,
      long version,
      Instant createdAt,
      Instant updatedAt,
      String paymentIntentId) {
    this(
        id,
        userId,
        customer,
        lines,
        total,
        paymentMethodId,
        stripeCustomerId,
        shippingAddress,
        status,
        version,
        createdAt,
        updatedAt,
        paymentIntentId,
        Fulfilment.NONE);
  }

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(paymentMethodId, "paymentMethodId");
    Objects.requireNonNull(shippingAddress, "shippingAddress");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    fulfilment = fulfilment == null ? Fulfilment.NONE : fulfilment;
    lines = List.copyOf(lines);
    if (lines.isEmpty() || lines.size() > MAX_LINES) {
      throw new IllegalArgumentException("an order has 1.." + MAX_LINES + " lines");
    }
    long sum = lines.stream().mapToLong(OrderLine::subtotal).reduce(0, Math::addExact);
    if (sum != total.amount()) {
      throw new IllegalArgumentException("total " + total.amount() + " is not the sum " + sum);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
  }

  /** A new PENDING order, version 1, with its OrderCreated. */
  public static Changed place(
      String id,
      String userId,
      Customer customer,
      List<OrderLine> lines,
      String currency,
      String paymentMethodId,
      String stripeCustomerId,
      ShippingAddress shippingAddress,
      Instant at) {
    long total = lines.stream().mapToLong(OrderLine::subtotal).reduce(0, Math::addExact);
    Order order =
        new Order(
            id,
            userId,
            customer,
            lines,
            new Money(total, currency),
            paymentMethodId,
            stripeCustomerId,
            shippingAddress,
            OrderStatus.PENDING,
            1,
            at,
            at,
            null);
    return new Changed(null, order, List.of(new OrderEvent.Placed(1, at, OrderStatus.PENDING)));
  }

  /** Product reserved every line. */
  public Changed reserve(Instant at) {
    Order after = moveTo(OrderStatus.RESERVED, "be reserved", at, paymentIntentId);
    return new Changed(
        this, after, List.of(new OrderEvent.Reserved(after.version, at, after.status)));
  }

  /** The payment succeeded. */
  public Changed capture(String intentId, Instant at) {
    Order after =
        moveTo(OrderStatus.PAID, "be paid", at, intentId).with(fulfilment.captured(total.amount()));
    return new Changed(
        this,
        after,
        List.of(new OrderEvent.PaymentCaptured(after.version, at, after.status, intentId)));
  }

  /** Stripe needs the customer (3-D Secure) before it can charge. */
  public Changed requireAction(String intentId, String actionUrl, Instant at) {
    Order after =
        moveTo(OrderStatus.PAYMENT_ACTION_REQUIRED, "wait for the customer", at, intentId);
    return new Changed(
        this,
        after,
        List.of(
            new OrderEvent.PaymentActionRequired(
                after.version, at, after.status, intentId, actionUrl)));
  }

  /** The payment was declined for good: PaymentFailed, then the order is cancelled. */
  public Changed failPayment(String intentId, String reason, String declineCode, Instant at) {
    if (status != OrderStatus.RESERVED && status != OrderStatus.PAYMENT_ACTION_REQUIRED) {
      throw new IllegalTransition(id, status, "fail its payment");
    }
    String intent = intentId != null ? intentId : paymentIntentId;
    Order failed = copy(status, version + 1, at, intent);
    Order cancelled = failed.moveTo(OrderStatus.CANCELLED, "be cancelled", at, intent);
    List<OrderEvent> events = new ArrayList<>();
    events.add(
        new OrderEvent.PaymentFailed(failed.version, at, failed.status, reason, declineCode));
    events.add(
        new OrderEvent.Cancelled(
            cancelled.version, at, cancelled.status, CancelReason.PAYMENT_FAILED, 0));
    return new Changed(this, cancelled, events);
  }

  /** The order will not be fulfilled; nothing was paid. */
  public Changed cancel(CancelReason reason, Instant at) {
    Order after = moveTo(OrderStatus.CANCELLED, "be cancelled", at, paymentIntentId);
    return new Changed(
        this, after, List.of(new OrderEvent.Cancelled(after.version, at, after.status, reason, 0)));
  }

  /** The paid order's money went back: REFUNDED, announced as OrderCancelled with the amount. */
  public Changed refund(CancelReason reason, long refundedAmount, Instant at) {
    Order after =
        moveTo(OrderStatus.REFUNDED, "be refunded", at, paymentIntentId)
            .with(fulfilment.refunded(Math.min(refundedAmount, fulfilment.refundable())));
    return new Changed(
        this,
        after,
        List.of(new OrderEvent.Cancelled(after.version, at, after.status, reason, refundedAmount)));
  }

  public boolean isOwnedBy(String someUserId) {
    return userId.equals(someUserId);
  }

  Order moveTo(OrderStatus target, String action, Instant at, String intentId) {
    if (!status.canBecome(target)) {
      throw new IllegalTransition(id, status, action);
    }
    return copy(target, version + 1, at, intentId);
  }

  /**
   * One version on, in {@code target} (a move the status allows, unless it stays), with {@code
   * newFulfilment}.
   */
  Order next(OrderStatus target, Fulfilment newFulfilment, Instant at, String action) {
    if (target != status && !status.canBecome(target)) {
      throw new IllegalTransition(id, status, action);
    }
    return copy(target, version + 1, at, paymentIntentId).with(newFulfilment);
  }

  Order copy(OrderStatus newStatus, long newVersion, Instant at, String intentId) {
    return new Order(
        id,
        userId,
        customer,
        lines,
        total,
        paymentMethodId,
        stripeCustomerId,
        shippingAddress,
        newStatus,
        newVersion,
        createdAt,
        at,
        intentId,
        fulfilment);
  }

  Order with(Fulfilment newFulfilment) {
    return new Order(
        id,
        userId,
        customer,
        lines,
        total,
        paymentMethodId,
        stripeCustomerId,
        shippingAddress,
        status,
        version,
        createdAt,
        updatedAt,
        paymentIntentId,
        newFulfilment);
  }
}
