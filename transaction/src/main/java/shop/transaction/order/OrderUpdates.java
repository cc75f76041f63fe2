package shop.transaction.order;

import java.util.Optional;
import java.util.function.Function;

/**
 * Read, decide, store with optimistic concurrency: when the order moved on between the read and the
 * write, decide again on the fresh order.
 */
public final class OrderUpdates {
  private static final int ATTEMPTS = 3;

  private final OrderRepository orders;

  public OrderUpdates(OrderRepository orders) {
    this.orders = orders;
  }

  /**
   * Applies what {@code decide} makes of the current order; empty when it decided nothing (the
   * message, if any, is then recorded as handled) or when the message was handled before.
   */
  public Optional<Changed> apply(
      String orderId, HandledMessage handled, Function<Order, Optional<Changed>> decide) {
    for (int attempt = 1; ; attempt++) {
      Order order = orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
      Optional<Changed> change = decide.apply(order);
      if (change.isEmpty()) {
        if (handled != null) {
          orders.markHandled(handled);
        }
        return Optional.empty();
      }
      Saved saved = orders.save(change.get(), handled);
      if (saved == Saved.SAVED) {
        return change;
      }
      if (saved == Saved.ALREADY_HANDLED) {
        return Optional.empty();
      }
      if (attempt == ATTEMPTS) {
        throw new ConcurrentOrderChange(orderId);
      }
    }
  }
}
