package shop.transaction.payment;

import shop.platform.domain.UnavailableException;

/**
 * The provider timed out or failed on its side: nothing is known to have happened, and the same
 * request (same idempotency key) may be sent again. The client reads only that it may try again;
 * {@link #reason()} says what went wrong, for the logs.
 */
public final class PaymentUnavailable extends UnavailableException {
  private final String reason;

  /**
   * @param reason what went wrong, for operators (the client never sees it)
   */
  public PaymentUnavailable(String reason, Throwable cause) {
    super("the payment provider did not answer; try again", cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return super.toString() + " (" + reason + ")";
  }
}
