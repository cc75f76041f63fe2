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
  private final OrderUpdates updates;
  private final Refunds refunds;
  private final Clock clock;

  public CancelOrder(OrderRepository orders, Refunds refunds, Clock clock) {
    this.updates = new OrderUpdates(orders);
    this.refunds = refunds;
    this.clock = clock;
  }

  public Order cancel(String orderId, String userId) {
    return updates
        .apply(
            orderId,
            null,
            order -> {
              if (!order.isOwnedBy(userId)) {
                throw new OrderNotFound(orderId);
              }
              return Optional.of(
                  switch (order.status()) {
                    case PENDING, RESERVED, PAYMENT_ACTION_REQUIRED ->
                        order.cancel(CancelReason.CUSTOMER_REQUEST, clock.instant());
                    case PAID ->
                        order.refund(
                            CancelReason.CUSTOMER_REQUEST,
                            refunds.refund(order, order.paymentIntentId()),
                            clock.instant());
                    default -> throw new IllegalTransition(orderId, order.status(), "be cancelled");
                  });
            })
        .map(Changed::after)
        .orElseThrow(() -> new IllegalStateException("a cancel always changes the order"));
  }
}
