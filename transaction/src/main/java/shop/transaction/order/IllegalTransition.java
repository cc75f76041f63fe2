package shop.transaction.order;

import shop.platform.domain.ConflictException;

/** The order's status does not allow what was asked: a 409 for a client, a no-op for a consumer. */
public final class IllegalTransition extends ConflictException {
  private final OrderStatus from;

  public IllegalTransition(String orderId, OrderStatus from, String action) {
    super("order " + orderId + " is " + from + " and cannot " + action);
    this.from = from;
  }

  public OrderStatus from() {
    return from;
  }
}
