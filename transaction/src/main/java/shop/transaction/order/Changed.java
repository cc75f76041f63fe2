package shop.transaction.order;

import java.util.List;

/**
 * The outcome of one decision about an order: the order before (null for a new one), after, and the
 * events in between. A repository stores it in one transaction, if the order is still at {@code
 * before}'s version.
 */
public record Changed(Order before, Order after, List<OrderEvent> events) {
  public Changed {
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a change has at least one event");
    }
  }

  public long expectedVersion() {
    return before == null ? 0 : before.version();
  }
}
