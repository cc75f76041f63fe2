package shop.transaction.payment;

import shop.platform.domain.UnavailableException;

/**
 * The provider timed out or failed on its side: nothing is known to have happened, and the same
 * request (same idempotency key) may be sent again. The client reads only that it may try again;
 * {@link #reason()} says what went wrong, for the logs.
 */
public final class PaymentUnavailable extends UnavailableException {
  public PaymentUnavailable(String reason, Throwable cause) {
    super("the payment provider did not answer; try again", reason, cause);
  }
}
