package shop.transaction.order;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff refund part of a paid order. The amount is set aside first, in a write that succeeds only
 * if the order is still as it was read, so concurrent refunds never pass what was captured; then
 * the provider is asked (its idempotency key is the refund's). A repeated Idempotency-Key answers
 * the refund it made (finishing it if the provider could not be asked before).
 */
public final class IssueRefund {
  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final SettleRefund settle;
  private final Clock clock;

  public IssueRefund(OrderRepository orders, PaymentRefunds payments, Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.settle = new SettleRefund(orders, payments, clock);
    this.clock = clock;
  }

  /** The refund, and the order it left. */
  public record Issued(Order order, Refund refund) {}

  public Issued issue(IssueRefundCommand command) {
    String refundId = UUID.randomUUID().toString();
    Order order =
        updates
            .apply(
                command.orderId(),
                null,
                o -> {
                  Optional<Refund> earlier = o.fulfilment().refundByKey(command.idempotencyKey());
                  if (earlier.isPresent()) {
                    Refund r = earlier.get();
                    if (r.amount() != command.amount() || !r.reason().equals(command.reason())) {
                      throw new IdempotencyKeyReused();
                    }
                    return Optional.empty();
                  }
                  return Optional.of(
                      OrderRefunds.start(
                          o,
                          refundId,
                          command.idempotencyKey(),
                          command.amount(),
                          command.reason(),
                          clock.instant()));
                })
            .map(Changed::after)
            .orElseGet(() -> orders.find(command.orderId()).orElseThrow());
    Refund refund = order.fulfilment().refundByKey(command.idempotencyKey()).orElseThrow();
    Order after = settle.settle(order, refund.id());
    return new Issued(after, after.fulfilment().refund(refund.id()).orElseThrow());
  }
}
