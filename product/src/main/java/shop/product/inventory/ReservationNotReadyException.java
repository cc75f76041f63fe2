package shop.product.inventory;

/**
 * An event about an order arrived before the order's reservation was decided; the message is
 * retried later.
 */
public final class ReservationNotReadyException extends RuntimeException {
  public ReservationNotReadyException(String orderId, String state) {
    super("the reservation of order " + orderId + " is " + state + "; retry later");
  }
}
