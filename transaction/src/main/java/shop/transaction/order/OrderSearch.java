package shop.transaction.order;

import java.time.Instant;

/**
 * What staff look for among orders; every criterion may be null (any).
 *
 * @param customer a user id or an email address (case-insensitive)
 * @param from created at or after
 * @param to created before
 */
public record OrderSearch(OrderStatus status, String customer, Instant from, Instant to) {
  public OrderSearch {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new shop.platform.domain.InvalidFieldException("to", "must be after from");
    }
  }
}
