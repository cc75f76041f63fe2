package shop.ops.deadletter;

import java.time.Duration;

/**
 * A consumer's dead-letter queue at a glance.
 *
 * @param oldestAge how long the oldest message has waited, null when the queue is empty
 */
public record DeadLetterQueueSummary(
    String consumer,
    String sourceQueue,
    String deadLetterQueue,
    long messages,
    Duration oldestAge) {}
