package shop.ops.deadletter;

/** A consumer of the bus as the operator sees it: its queue, its dead-letter queue and its rule. */
public record Consumer(String name, String queue, String deadLetterQueue, String rule) {}
