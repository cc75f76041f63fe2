package shop.ops.deadletter;

/**
 * A consumer of the bus as the operator sees it: its queue, a dead-letter queue of it and its rule.
 * Each subscription is two of these: the consumer's own DLQ (messages its handler failed), and,
 * named {@code <consumer>-undeliverable}, the DLQ of its rule's target (events EventBridge could
 * not put on the queue). Both replay to the consumer's queue.
 *
 * @param redriven whether {@code deadLetterQueue} is the queue's SQS redrive DLQ, so that SQS's
 *     move task can bring all of it back at once; a target's DLQ is not, and is replayed message by
 *     message
 */
public record Consumer(
    String name, String queue, String deadLetterQueue, String rule, boolean redriven) {

  /** The consumer's own DLQ, its SQS redrive DLQ. */
  public Consumer(String name, String queue, String deadLetterQueue, String rule) {
    this(name, queue, deadLetterQueue, rule, true);
  }

  /** The DLQ of the consumer's rule target, under the name {@code <consumer>-undeliverable}. */
  public static Consumer undeliverable(
      String consumer, String queue, String undeliverableQueue, String rule) {
    return new Consumer(consumer + "-undeliverable", queue, undeliverableQueue, rule, false);
  }
}
