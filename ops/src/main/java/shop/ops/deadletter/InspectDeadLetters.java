package shop.ops.deadletter;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import shop.platform.domain.InvalidFieldException;

/**
 * Shows a consumer's dead letters, decoded, with the reason each failed, without consuming them:
 * what it reads is visible again as soon as it has been read.
 */
public final class InspectDeadLetters {
  private static final Duration PEEK = Duration.ofSeconds(10);

  private final Consumers consumers;
  private final DeadLetterQueues queues;
  private final FailureReasons reasons;

  public InspectDeadLetters(Consumers consumers, DeadLetterQueues queues, FailureReasons reasons) {
    this.consumers = consumers;
    this.queues = queues;
    this.reasons = reasons;
  }

  public List<DeadLetter> inspect(String consumerName, Selection selection, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new InvalidFieldException("limit", "must be between 1 and 1000");
    }
    Consumer consumer = consumers.named(consumerName);
    List<DeadLetter> letters = DeadLetterScan.scan(queues, consumer.deadLetterQueue(), PEEK);
    queues.release(consumer.deadLetterQueue(), letters);
    return letters.stream()
        .filter(selection::matches)
        .sorted(
            Comparator.comparing(
                DeadLetter::sentAt, Comparator.nullsLast(Comparator.naturalOrder())))
        .limit(limit)
        .map(
            l ->
                l.failureReason() != null
                    ? l
                    : l.withFailureReason(reasons.find(consumer.name(), l).orElse(null)))
        .map(DeadLetter::withSecretsRedacted)
        .toList();
  }
}
