package shop.transaction.order;

import java.time.Instant;
import java.util.Objects;

/** Keyset position: the page continues with orders older than this one (ties broken by id). */
public record PageCursor(Instant createdAt, String orderId) {
  public PageCursor {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(orderId, "orderId");
  }

  public static PageCursor after(Order order) {
    return new PageCursor(order.createdAt(), order.id());
  }
}
