package shop.transaction.payment;

/**
 * The provider timed out or failed on its side: nothing is known to have happened, and the same
 * request (same idempotency key) may be sent again.
 */
public final class PaymentUnavailable extends RuntimeException {
  public PaymentUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
