package shop.transaction.order;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduled sweep: orders still PENDING, RESERVED or PAYMENT_ACTION_REQUIRED past the deadline
 * (stock never answered, the payment never finished, or the customer never completed the action
 * Stripe asked for) are cancelled as EXPIRED; the OrderCancelled releases their stock. Should the
 * customer complete the payment after all, the late success is refunded ({@code
 * ApplyPaymentNotice}).
 */
public final class ExpireOrders {
  private static final System.Logger LOG = System.getLogger(ExpireOrders.class.getName());
  private static final Set<OrderStatus> EXPIRING = OrderStatus.UNPAID;
  private static final int BATCH = 100;

  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final Duration expiry;
  private final Clock clock;

  public ExpireOrders(OrderRepository orders, Duration expiry, Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.expiry = expiry;
    this.clock = clock;
  }

  /**
   * Cancels expired orders, batch after batch, until none is due or {@code stopBy} has passed (the
   * function's own deadline, less a margin): a backlog left by a burst of abandoned checkouts is
   * cleared in one run instead of a hundred orders per schedule. Returns how many it cancelled.
   */
  public int expire(Instant stopBy) {
    int expired = 0;
    while (clock.instant().isBefore(stopBy)) {
      List<Order> due = orders.stuck(EXPIRING, clock.instant().minus(expiry), BATCH);
      int cancelled = expireBatch(due);
      expired += cancelled;
      // A short batch was the last; a batch of busy orders only would be fetched again unchanged.
      if (due.size() < BATCH || cancelled == 0) {
        break;
      }
    }
    return expired;
  }

  private int expireBatch(List<Order> due) {
    int expired = 0;
    for (Order stuck : due) {
      try {
        boolean changed =
            updates
                .apply(
                    stuck.id(),
                    null,
                    order ->
                        EXPIRING.contains(order.status())
                            ? Optional.of(order.cancel(CancelReason.EXPIRED, clock.instant()))
                            : Optional.empty())
                .isPresent();
        expired += changed ? 1 : 0;
      } catch (ConcurrentOrderChange e) {
        // The order is busy (a payment is landing); the next sweep looks at it again.
        LOG.log(Level.INFO, "order {0} is changing; not expired this time", stuck.id());
      }
    }
    return expired;
  }
}
