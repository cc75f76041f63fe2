package shop.transaction.order;

/** No such order, or not one the caller may see (the two answer alike, so ids leak nothing). */
public final class OrderNotFound extends RuntimeException {
  public OrderNotFound(String orderId) {
    super("no order " + orderId);
  }
}
