package shop.product.inventory;

import java.time.Instant;
import java.util.List;

/**
 * What an order holds, keyed by the order id: the record that makes reserving, releasing and
 * selling idempotent per order.
 *
 * @param sequence the sequence of the event product publishes about it (the order's version after
 *     OrderCreated)
 * @param decidedAt when it became RESERVED or REJECTED; null while PENDING
 * @param rejections the refused lines of a REJECTED reservation
 */
public record Reservation(
    String orderId,
    List<ReservationLine> lines,
    ReservationState state,
    long sequence,
    Instant decidedAt,
    List<Rejection> rejections) {

  public Reservation {
    lines = List.copyOf(lines);
    rejections = List.copyOf(rejections);
  }
}
