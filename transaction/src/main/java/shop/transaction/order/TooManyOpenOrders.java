package shop.transaction.order;

import java.time.Duration;
import shop.platform.domain.TooManyAttemptsException;

/**
 * The customer already has as many unpaid orders as they may: each holds stock, so without a limit
 * one account could hold the whole catalogue for the expiry time. A 429 whose {@code Retry-After}
 * is when the oldest of them expires (sooner, if they pay or cancel one).
 */
public final class TooManyOpenOrders extends TooManyAttemptsException {
  public TooManyOpenOrders(int max, Duration retryAfter) {
    super(
        "you have "
            + max
            + " unpaid orders; pay or cancel one of them (GET /orders) before placing another",
        retryAfter);
  }
}
