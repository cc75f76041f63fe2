package shop.ops.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Every consumer's dead-letter queue with its message count and the age of its oldest message. */
public final class ListDeadLetterQueues {
  private static final Duration PEEK = Duration.ofSeconds(5);
  // SQS answers far more requests per second than this; the bound keeps a long list of queues
  // from opening a connection for each at once.
  private static final int AT_ONCE = 8;

  private final Consumers consumers;
  private final DeadLetterQueues queues;
  private final Clock clock;

  public ListDeadLetterQueues(Consumers consumers, DeadLetterQueues queues, Clock clock) {
    this.consumers = consumers;
    this.queues = queues;
    this.clock = clock;
  }

  public List<DeadLetterQueueSummary> list() {
    List<Consumer> all = consumers.all();
    if (all.isEmpty()) {
      return List.of();
    }
    // Each queue costs a round trip or two, so they are asked at once rather than one by one,
    // except the first, asked on the caller's thread before the others: SnapStart's priming runs
    // this listing on a thread whose SQS requests are refused unsent, and threads it starts are
    // not such threads, so the first refusal must end the listing before any of them starts.
    List<DeadLetterQueueSummary> summaries = new ArrayList<>(all.size());
    summaries.add(summary(all.getFirst()));
    List<Future<DeadLetterQueueSummary>> others = new ArrayList<>(all.size() - 1);
    try (ExecutorService asking =
        Executors.newFixedThreadPool(AT_ONCE, Thread.ofVirtual().name("dlq-", 0).factory())) {
      for (Consumer consumer : all.subList(1, all.size())) {
        others.add(asking.submit(() -> summary(consumer)));
      }
    }
    for (Future<DeadLetterQueueSummary> other : others) {
      summaries.add(resultOf(other));
    }
    return summaries;
  }

  private DeadLetterQueueSummary summary(Consumer consumer) {
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
    return new DeadLetterQueueSummary(
        consumer.name(), consumer.queue(), consumer.deadLetterQueue(), count, oldest);
  }

  /** The summary, or what its queue threw, as if it had been asked on this thread. */
  private static DeadLetterQueueSummary resultOf(Future<DeadLetterQueueSummary> asked) {
    if (asked.state() == Future.State.SUCCESS) {
      return asked.resultNow();
    }
    Throwable failure = asked.exceptionNow();
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(failure);
  }
}
