package shop.product.inventory;

/**
 * An event about an order arrived before the order's reservation was decided; the message is
 * retried later.
 */
final class ReservationNotReadyException extends RuntimeException {
  ReservationNotReadyException(String orderId, String state) {
    super("the reservation of order " + orderId + " is " + state + "; retry later");
  }
}
