package shop.notification.delivery;

/**
 * Some send of a notification could not be done now; the event must be delivered again (the sends
 * that succeeded are not repeated).
 */
final class RetryLater extends RuntimeException {
  RetryLater(String message) {
    super(message);
  }
}
