package shop.transaction.order;

import java.time.Duration;
import java.time.Instant;

/**
 * How many unpaid orders ({@link OrderStatus#UNPAID}) one customer may hold at once, and how long
 * each may stay unpaid before the sweep cancels it.
 */
public record OpenOrderLimit(int max, Duration expiry) {
  public static final int DEFAULT_MAX = 3;

  public OpenOrderLimit {
    if (max < 1) {
      throw new IllegalArgumentException("at least one open order must be allowed: " + max);
    }
  }

  /** The refusal to give when the oldest open order was placed at {@code oldest}. */
  TooManyOpenOrders refusal(Instant oldest, Instant now) {
    Duration untilExpiry = Duration.between(now, oldest.plus(expiry));
    return new TooManyOpenOrders(
        max,
        untilExpiry.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : untilExpiry);
  }
}
