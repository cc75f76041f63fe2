package shop.transaction.order;

import java.util.List;

/**
 * One page of orders, newest first.
 *
 * @param next where the next page starts, or null on the last page
 */
public record OrderPage(List<Order> orders, PageCursor next) {
  public OrderPage {
    orders = List.copyOf(orders);
  }
}
