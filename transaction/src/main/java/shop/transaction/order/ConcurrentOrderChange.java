package shop.transaction.order;

import shop.platform.domain.ConflictException;

/**
 * The order kept changing under us: try again later (a 409 for a client, a retry for a message).
 */
final class ConcurrentOrderChange extends ConflictException {
  ConcurrentOrderChange(String orderId) {
    super("order " + orderId + " changed concurrently; try again");
  }
}
