package shop.transaction.order;

import shop.platform.domain.NotFoundException;

/** No such order, or not one the caller may see (the two answer alike, so ids leak nothing). */
public final class OrderNotFound extends NotFoundException {
  public OrderNotFound(String orderId) {
    super("no order " + orderId);
  }
}
