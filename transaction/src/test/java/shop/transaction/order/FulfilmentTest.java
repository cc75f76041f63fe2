package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.transaction.order.OrderFixtures.T0;

import java.util.List;
import org.junit.jupiter.api.Test;

class FulfilmentTest {
  private static final List<ProductQuantity> ONE_MUG = List.of(new ProductQuantity("p-mug", 1));

  @Test
  void findsEachReturnAndRefundByItsOwnIdOrKey() {
    Fulfilment f =
        new Fulfilment(
            4900,
            0,
            List.of(),
            List.of(returnOf("r1"), returnOf("r2")),
            List.of(refund("f1", "k1"), refund("f2", "k2")));

    assertThat(f.orderReturn("r2")).map(OrderReturn::id).contains("r2");
    assertThat(f.refund("f2")).map(Refund::id).contains("f2");
    assertThat(f.refundByKey("k2")).map(Refund::id).contains("f2");
    assertThat(f.orderReturn("r9")).isEmpty();
  }

  private static OrderReturn returnOf(String id) {
    return new OrderReturn(id, ReturnStatus.REQUESTED, ONE_MUG, "x", null, null, T0, T0);
  }

  private static Refund refund(String id, String key) {
    return new Refund(id, key, 1, "goodwill", List.of(), RefundStatus.SUCCEEDED, T0, T0);
  }
}
