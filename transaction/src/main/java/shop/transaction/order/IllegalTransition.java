package shop.transaction.order;

import shop.platform.domain.ConflictException;

/** The order's status does not allow what was asked: a 409 for a client, a no-op for a consumer. */
final class IllegalTransition extends ConflictException {
  IllegalTransition(String orderId, OrderStatus from, String action) {
    super("order " + orderId + " is " + from + " and cannot " + action);
  }
}
