package shop.product.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stock and reservations (port). No multi-document transactions are needed: every change is one
 * conditional single-document update, and each product records which orders hold it, so applying a
 * line twice is a no-op and stock never goes negative.
 */
public interface Inventory {

  /**
   * Stores a PENDING reservation of {@code lines} for {@code orderId} unless one exists (then
   * {@code lines} are ignored); returns the stored one.
   */
  Reservation open(String orderId, List<ReservationLine> lines, long sequence);

  /**
   * Stores a CANCELLED reservation without lines for {@code orderId} unless one exists; returns the
   * stored one.
   */
  Reservation openCancelled(String orderId);

  Optional<Reservation> reservation(String orderId);

  /**
   * Holds {@code line} for {@code orderId} if the product is active and has the units available,
   * once per order and product: a product that already records this order answers held.
   */
  HoldOutcome hold(String orderId, ReservationLine line);

  /** Returns what {@code orderId} holds of the line's product to the available stock, once. */
  void release(String orderId, ReservationLine line);

  /**
   * Puts the units of {@code line} back in stock, once per {@code key} (what brought them back:
   * {@code return:<id>}, {@code cancelled:<order id>}) and product; a product that no longer exists
   * takes nothing back.
   */
  void restock(String key, ReservationLine line);

  /** Turns what {@code orderId} holds of the line's product into a sale, once. */
  void sell(String orderId, ReservationLine line);

  /**
   * Moves the reservation to {@code to} if it is in one of {@code from}, recording {@code at} (for
   * a decision) and {@code rejections}; returns the reservation as it then stands, which is in
   * another state when it was in none of {@code from} (a concurrent delivery or a cancellation
   * moved it first: its state is the truth). One round trip when the move succeeds.
   */
  Reservation transition(
      String orderId,
      Set<ReservationState> from,
      ReservationState to,
      Instant at,
      List<Rejection> rejections);

  /** Sets the stock on hand of a product, which may not go below what orders hold. */
  StockChange setOnHand(String productId, int onHand);
}
