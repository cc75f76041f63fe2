package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenOrderLimitTest {
  private final OpenOrderLimit limit = new OpenOrderLimit(1, Duration.ofMinutes(30));

  @Test
  void allowsAtLeastOneOpenOrder() {
    assertThat(limit.max()).isEqualTo(1);
    assertThatThrownBy(() -> new OpenOrderLimit(0, Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tellsTheCustomerToComeBackWhenTheOldestOrderExpires() {
    TooManyOpenOrders refusal =
        limit.refusal(OrderFixtures.T0, OrderFixtures.T0.plus(Duration.ofMinutes(10)));

    assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void neverSaysComeBackInLessThanASecond() {
    TooManyOpenOrders refusal =
        limit.refusal(OrderFixtures.T0, OrderFixtures.T0.plus(Duration.ofMinutes(31)));

    assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }
}
