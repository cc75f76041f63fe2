package shop.transaction.order;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Staff cancel an order before anything of it shipped: an unpaid one is simply cancelled, a paid
 * one refunded in what may still be refunded and REFUNDED. OrderCancelled releases the stock either
 * way; once a parcel left, it is too late (409).
 */
public final class CancelOrderAsStaff {
  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final Refunds refunds;
  private final Clock clock;

  public CancelOrderAsStaff(OrderRepository orders, Refunds refunds, Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.refunds = refunds;
    this.clock = clock;
  }

  /** Why staff cancel, in their words (kept in the request log, not in the event). */
  public record Command(String orderId, String reason) {
    public Command {
      Objects.requireNonNull(orderId, "orderId");
      ShipOrderCommand.require("reason", reason, 500);
    }
  }

  public Order cancel(Command command) {
    // As for a customer's cancel: Stripe's charge.refunded webhook may land between our refund
    // and our save, leaving the order REFUNDED: this cancel's own outcome, not a conflict.
    boolean[] refundedHere = {false};
    return updates
        .apply(
            command.orderId(),
            null,
            order -> {
              if (order.status() == OrderStatus.REFUNDED && refundedHere[0]) {
                return Optional.empty();
              }
              return Optional.of(
                  switch (order.status()) {
                    case PENDING, RESERVED, PAYMENT_ACTION_REQUIRED ->
                        order.cancel(CancelReason.STAFF_REQUEST, clock.instant());
                    case PAID -> {
                      long refunded = refunds.refund(order, order.paymentIntentId());
                      refundedHere[0] = true;
                      yield order.refund(CancelReason.STAFF_REQUEST, refunded, clock.instant());
                    }
                    default ->
                        throw new IllegalTransition(
                            command.orderId(), order.status(), "be cancelled");
                  });
            })
        .map(Changed::after)
        .orElseGet(() -> orders.find(command.orderId()).orElseThrow());
  }
}
