package shop.ops.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Every consumer's dead-letter queue with its message count and the age of its oldest message. */
public final class ListDeadLetterQueues {
  private static final Duration PEEK = Duration.ofSeconds(5);

  private final Consumers consumers;
  private final DeadLetterQueues queues;
  private final Clock clock;

  public ListDeadLetterQueues(Consumers consumers, DeadLetterQueues queues, Clock clock) {
    this.consumers = consumers;
    this.queues = queues;
    this.clock = clock;
  }

  public List<DeadLetterQueueSummary> list() {
    List<DeadLetterQueueSummary> summaries = new ArrayList<>();
    for (Consumer consumer : consumers.all()) {
      long count = queues.count(consumer.deadLetterQueue());
      Duration oldest = null;
      if (count > 0) {
        List<DeadLetter> letters = DeadLetterScan.scan(queues, consumer.deadLetterQueue(), PEEK);
        queues.release(consumer.deadLetterQueue(), letters);
        oldest =
            letters.stream()
                .map(DeadLetter::sentAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(sent -> Duration.between(sent, Instant.now(clock)))
                .orElse(null);
      }
      summaries.add(
          new DeadLetterQueueSummary(
              consumer.name(), consumer.queue(), consumer.deadLetterQueue(), count, oldest));
    }
    return summaries;
  }
}
