package shop.transaction.order;

/** Reading orders: one's own, or any for an admin. */
public final class ViewOrders {
  public static final int MAX_PAGE = 100;

  private final OrderRepository orders;

  public ViewOrders(OrderRepository orders) {
    this.orders = orders;
  }

  /** The order with its history, if {@code userId} owns it or is an admin; else not found. */
  public OrderView one(String orderId, String userId, boolean admin) {
    Order order =
        orders
            .find(orderId)
            .filter(o -> admin || o.isOwnedBy(userId))
            .orElseThrow(() -> new OrderNotFound(orderId));
    return new OrderView(order, orders.history(orderId));
  }

  public OrderPage mine(String userId, PageCursor after, int limit) {
    return orders.ofUser(userId, after, Math.min(limit, MAX_PAGE));
  }

  /** For staff: the orders {@code search} finds, newest first. */
  public OrderPage search(OrderSearch search, PageCursor after, int limit) {
    return orders.search(search, after, Math.min(limit, MAX_PAGE));
  }

  /** For admins: every order, or those in {@code status} when it is not null. */
  public OrderPage all(OrderStatus status, PageCursor after, int limit) {
    return orders.all(status, after, Math.min(limit, MAX_PAGE));
  }
}
