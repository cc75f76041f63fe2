package shop.transaction.order;

import java.time.Clock;
import java.util.Optional;

/**
 * A customer cancels their order: before payment it is simply cancelled; once paid, the money goes
 * back first and the order ends REFUNDED. Either way OrderCancelled releases the stock.
 *
 * <p>An order waiting for the customer's 3-D Secure step is not paid yet, so it is cancelled like a
 * reserved one: a customer who gives up on the bank's challenge should not have to wait for the
 * expiry sweep to get their stock released. Should they complete the challenge afterwards, the late
 * success is refunded ({@code ApplyPaymentNotice}), as for an expired order.
 */
public final class CancelOrder {
  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final Refunds refunds;
  private final Clock clock;

  public CancelOrder(OrderRepository orders, Refunds refunds, Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.refunds = refunds;
    this.clock = clock;
  }

  public Order cancel(String orderId, String userId) {
    // Stripe tells of the refund by webhook too (charge.refunded), and that may land between our
    // refund call and our save: the order is then REFUNDED by the webhook, which is this cancel's
    // own outcome, not a reason to answer 409.
    boolean[] refundedHere = {false};
    return updates
        .apply(
            orderId,
            null,
            order -> {
              if (!order.isOwnedBy(userId)) {
                throw new OrderNotFound(orderId);
              }
              if (order.status() == OrderStatus.REFUNDED && refundedHere[0]) {
                return Optional.empty();
              }
              return Optional.of(
                  switch (order.status()) {
                    case PENDING, RESERVED, PAYMENT_ACTION_REQUIRED ->
                        order.cancel(CancelReason.CUSTOMER_REQUEST, clock.instant());
                    case PAID -> {
                      long refunded = refunds.refund(order, order.paymentIntentId());
                      refundedHere[0] = true;
                      yield order.refund(CancelReason.CUSTOMER_REQUEST, refunded, clock.instant());
                    }
                    default -> throw new IllegalTransition(orderId, order.status(), "be cancelled");
                  });
            })
        .map(Changed::after)
        // Orders are never deleted: the one just updated is there.
        .orElseGet(() -> orders.find(orderId).orElseThrow());
  }
}
