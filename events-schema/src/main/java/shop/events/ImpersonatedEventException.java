package shop.events;

/**
 * An event whose type belongs to one service, delivered with another's source or detail-type: a
 * publisher writing events it does not own. Never handled; the message fails and, after its
 * retries, waits in the dead-letter queue for an operator.
 */
public final class ImpersonatedEventException extends RuntimeException {
  ImpersonatedEventException(
      EventType type, String source, String detailType, String cloudEventSource) {
    super(
        type.type()
            + " is published by "
            + type.source()
            + " as "
            + type.eventName()
            + ", but arrived with source "
            + source
            + ", detail-type "
            + detailType
            + " and CloudEvent source "
            + cloudEventSource,
        null,
        false,
        false);
  }
}
