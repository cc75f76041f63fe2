package shop.notification.delivery;

/**
 * Some send of a notification could not be done now; the event must be delivered again (the sends
 * that succeeded are not repeated).
 */
public final class RetryLater extends RuntimeException {
  public RetryLater(String message) {
    super(message);
  }
}
