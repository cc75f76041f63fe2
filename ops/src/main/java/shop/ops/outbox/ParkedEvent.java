package shop.ops.outbox;

import java.time.Instant;

/**
 * An event a service could not publish after every retry, parked in its outbox for an operator.
 *
 * @param service the publishing service, e.g. {@code transaction}
 * @param id the CloudEvent id
 * @param eventType the versioned CloudEvent type
 * @param subject the aggregate id (an order, a user), when the store keeps it
 * @param attempts failed sends
 * @param lastError the bus's last answer
 * @param createdAt when the event was written
 */
public record ParkedEvent(
    String service,
    String id,
    String eventType,
    String subject,
    int attempts,
    String lastError,
    Instant createdAt) {}
