package shop.platform.idempotency;

/** Another attempt is handling the same event right now: this delivery fails and is retried. */
public final class EventInProgressException extends RuntimeException {
  public EventInProgressException(String consumer, String eventId) {
    super(consumer + " is already handling event " + eventId + " in another attempt");
  }
}
