package shop.transaction.adapter;

import java.util.ArrayList;
import java.util.List;
import shop.transaction.order.Order;
import shop.transaction.order.OrderPage;
import shop.transaction.order.PageCursor;

/**
 * Keyset pages of orders, newest first: the query for one page after a cursor (one row more than
 * the page, to know whether another follows), and the page made of what it found. Ties on {@code
 * created_at} are broken by id, as the indexes of db/transaction sort.
 *
 * @param where the WHERE clause (possibly empty) with its ORDER BY and LIMIT
 * @param args the arguments of {@code where}'s placeholders, in order
 */
record OrderPageQuery(String where, List<Object> args, int limit) {

  /**
   * The query for the page after {@code cursor} (null: the first) of orders that meet every
   * condition of {@code equal}.
   */
  static OrderPageQuery after(PageCursor cursor, int limit, List<Condition> equal) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (Condition condition : equal) {
      args.add(condition.value());
      where.add(condition.sql().replace("?", "$" + args.size()));
    }
    if (cursor != null) {
      args.add(cursor.createdAt());
      args.add(cursor.orderId());
      where.add("(created_at, id) < ($" + (args.size() - 1) + ", $" + args.size() + ")");
    }
    args.add(limit + 1);
    String sql =
        (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where))
            + " ORDER BY created_at DESC, id DESC LIMIT $"
            + args.size();
    return new OrderPageQuery(sql, List.copyOf(args), limit);
  }

  /** The page of what the query found, with the cursor of the next when there is one. */
  OrderPage page(List<Order> found) {
    if (found.size() <= limit) {
      return new OrderPage(found, null);
    }
    List<Order> page = found.subList(0, limit);
    return new OrderPage(page, PageCursor.after(page.get(limit - 1)));
  }

  /** A condition on one value: {@code sql} with {@code ?} where the value goes (once or more). */
  record Condition(String sql, Object value) {
    /** A column that must equal a value. */
    Condition(String column, String value) {
      this(column + " = ?", (Object) value);
    }

    static Condition of(String sql, Object value) {
      return new Condition(sql, value);
    }
  }
}
