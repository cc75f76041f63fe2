package shop.platform.outbox;

import java.time.Instant;

/**
 * An outbox entry that failed for the last time and waits for an operator.
 *
 * @param id the CloudEvent id
 * @param eventType the versioned CloudEvent type
 * @param subject the aggregate id (an order id, a user id), when the store keeps it
 * @param attempts failed sends
 * @param lastError the bus's last answer
 * @param createdAt when the event was written
 */
public record ParkedEntry(
    String id,
    String eventType,
    String subject,
    int attempts,
    String lastError,
    Instant createdAt) {}
