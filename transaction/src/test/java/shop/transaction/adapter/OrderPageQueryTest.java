package shop.transaction.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.transaction.order.Order;
import shop.transaction.order.OrderFixtures;
import shop.transaction.order.OrderPage;
import shop.transaction.order.PageCursor;

class OrderPageQueryTest {

  @Test
  void theFirstPageOfEveryOrderAsksForOneRowMore() {
    OrderPageQuery query = OrderPageQuery.after(null, 20, List.of());

    assertThat(query.where()).isEqualTo(" ORDER BY created_at DESC, id DESC LIMIT $1");
    assertThat(query.args()).containsExactly(21);
  }

  @Test
  void aLaterPageContinuesAfterTheCursorWithinItsConditions() {
    PageCursor cursor = new PageCursor(OrderFixtures.T0, "order-9");

    OrderPageQuery query =
        OrderPageQuery.after(
            cursor, 2, List.of(new OrderPageQuery.Condition("user_id", OrderFixtures.USER)));

    assertThat(query.where())
        .isEqualTo(
            "WHERE user_id = $1 AND (created_at, id) < ($2, $3)"
                + " ORDER BY created_at DESC, id DESC LIMIT $4");
    assertThat(query.args()).containsExactly(OrderFixtures.USER, OrderFixtures.T0, "order-9", 3);
  }

  @Test
  void thePageHasANextCursorOnlyWhenMoreWasFound() {
    OrderPageQuery query = OrderPageQuery.after(null, 2, List.of());
    Order first = OrderFixtures.placed("order-3").after();
    Order second = OrderFixtures.placed("order-2").after();
    Order third = OrderFixtures.placed("order-1").after();

    OrderPage full = query.page(List.of(first, second, third));
    OrderPage last = query.page(List.of(first, second));

    assertThat(full.orders()).containsExactly(first, second);
    assertThat(full.next()).isEqualTo(PageCursor.after(second));
    assertThat(last.orders()).containsExactly(first, second);
    assertThat(last.next()).isNull();
  }
}
