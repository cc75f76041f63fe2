package shop.transaction.order;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.platform.domain.UnavailableException;

/**
 * The scheduled sweep of refunds left PENDING: the function that set one aside timed out or died,
 * or the provider was down, before the provider's answer was recorded, and nobody repeated the
 * request. Each is first looked up at the provider, which keeps the refund's key in its metadata:
 * if the money went back it is recorded as SUCCEEDED without asking again (the provider forgets an
 * idempotency key after a day, so asking again later could refund twice); if not, it is asked for
 * now with the same key, and recorded as the provider answers.
 */
public final class SettlePendingRefunds {
  /**
   * A younger refund may still be in the hands of the request that started it (longer than any
   * function that starts refunds may run).
   */
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

  private static final System.Logger LOG = System.getLogger(SettlePendingRefunds.class.getName());
  private static final int BATCH = 50;

  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final SettleRefund settle;
  private final MadeRefunds made;
  private final Duration grace;
  private final Clock clock;

  /** Settles the refunds pending for longer than {@code grace}. */
  public SettlePendingRefunds(
      OrderRepository orders,
      PaymentRefunds payments,
      MadeRefunds made,
      Duration grace,
      Clock clock) {
    this.orders = orders;
    this.grace = grace;
    this.updates = new OrderUpdates(orders);
    this.settle = new SettleRefund(orders, payments, clock);
    this.made = made;
    this.clock = clock;
  }

  /**
   * Settles pending refunds older than the grace, batch after batch, until none is left, the
   * provider cannot be asked, or {@code stopBy} has passed; returns how many it settled (issued or
   * failed).
   */
  public int settle(Instant stopBy) {
    int settled = 0;
    while (clock.instant().isBefore(stopBy)) {
      Instant startedBefore = clock.instant().minus(grace);
      List<Order> due = orders.withPendingRefunds(startedBefore, BATCH);
      int batch = 0;
      for (Order order : due) {
        for (Refund refund : pendingOf(order, startedBefore)) {
          try {
            batch += settle(order, refund) ? 1 : 0;
          } catch (UnavailableException e) {
            // The provider is down: the next sweep tries again, with the same keys.
            LOG.log(Level.WARNING, "refund sweep stopped, the provider is unavailable: {0}", e);
            return settled + batch;
          } catch (ConcurrentOrderChange e) {
            LOG.log(Level.INFO, "order {0} is changing; its refunds wait for the next sweep", e);
          }
        }
      }
      settled += batch;
      // A short batch was the last; a batch of busy orders only would be fetched again unchanged.
      if (due.size() < BATCH || batch == 0) {
        break;
      }
    }
    return settled;
  }

  /** The order's refunds the query found it for: pending, started before the same cut-off. */
  private static List<Refund> pendingOf(Order order, Instant startedBefore) {
    return order.fulfilment().refunds().stream()
        .filter(r -> r.status() == RefundStatus.PENDING)
        .filter(r -> r.createdAt().isBefore(startedBefore))
        .toList();
  }

  /** Settles one refund; false when something else settled it first. */
  private boolean settle(Order order, Refund refund) {
    if (made.contains(order, refund)) {
      LOG.log(Level.INFO, "refund {0} of order {1} was made: recorded", refund.id(), order.id());
      return updates
          .apply(
              order.id(),
              null,
              o -> Optional.ofNullable(OrderRefunds.complete(o, refund.id(), clock.instant())))
          .isPresent();
    }
    LOG.log(Level.INFO, "refund {0} of order {1} was not made: asking", refund.id(), order.id());
    try {
      settle.settle(order, refund.id());
    } catch (UnavailableException e) {
      throw e;
    } catch (RuntimeException refused) {
      // SettleRefund recorded it as FAILED, its amount free again.
      LOG.log(
          Level.WARNING, "refund {0} of order {1} refused: {2}", refund.id(), order.id(), refused);
    }
    return true;
  }
}
