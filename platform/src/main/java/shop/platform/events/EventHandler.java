package shop.platform.events;

import shop.events.EventEnvelope;
import shop.events.ShopEvent;

/**
 * Handles one decoded, schema-valid event of one type. Returning means the event is done; throwing
 * means this message failed and SQS delivers it again (and, after the subscription's {@code
 * maxReceiveCount}, moves it to the dead-letter queue). Handlers must be idempotent on {@link
 * EventEnvelope#id()}.
 */
@FunctionalInterface
public interface EventHandler<T extends ShopEvent> {
  void handle(EventEnvelope<T> event);
}
