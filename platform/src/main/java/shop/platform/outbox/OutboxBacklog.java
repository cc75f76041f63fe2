package shop.platform.outbox;

import java.time.Instant;

/**
 * What an outbox still has to send: its pending entries, when the oldest was written and its
 * EventBridge source (the publishing service; both null when none is pending). The sweep emits it
 * as metrics; an old oldest entry means the relay is stuck or the bus refuses.
 */
public record OutboxBacklog(long pending, Instant oldestPending, String source) {
  public static final OutboxBacklog EMPTY = new OutboxBacklog(0, null, null);
}
