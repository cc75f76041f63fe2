package shop.ops.trail;

/**
 * A consumer of an event type, as the topology declares it.
 *
 * @param maxReceiveCount receives before SQS moves a message to the consumer's DLQ
 */
public record Subscriber(String consumer, int maxReceiveCount) {}
