package shop.transaction.order;

/**
 * What a checkout answers: the order as it was placed. A replay of the same request answers the
 * same, whatever happened to the order since.
 */
public record PlacedOrder(Order order) {
  /** The status the order was placed in. */
  public OrderStatus status() {
    return OrderStatus.PENDING;
  }
}
