package shop.ops.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import shop.ops.audit.AuditLog;
import shop.ops.audit.AuditTrail;
import shop.platform.domain.InvalidFieldException;

/**
 * Moves dead letters back to their consumer's queue. Everything at once goes through the queue's
 * own move task (for a redrive DLQ); a selection, or everything of a rule target's DLQ, goes one by
 * one, and a message is deleted from the DLQ only after its send succeeded, so a failure halfway
 * leaves it where it was. Safe to repeat: every consumer is idempotent on the CloudEvent id.
 */
public final class ReplayDeadLetters {
  private static final Duration HIDE_WHILE_REPLAYING = Duration.ofSeconds(60);
  private static final Duration MOVE_TASK_DEADLINE = Duration.ofMinutes(10);

  private final Consumers consumers;
  private final DeadLetterQueues queues;
  private final AuditLog audit;
  private final Clock clock;
  private final Pacer pacer;

  public ReplayDeadLetters(
      Consumers consumers, DeadLetterQueues queues, AuditLog audit, Clock clock, Pacer pacer) {
    this.consumers = consumers;
    this.queues = queues;
    this.audit = audit;
    this.clock = clock;
    this.pacer = pacer;
  }

  /**
   * Replays the selected dead letters of {@code consumerName}.
   *
   * @param maxPerSecond at most this many messages a second (1..500)
   */
  public ReplayOutcome replay(
      String consumerName, Selection selection, boolean dryRun, int maxPerSecond, String actor) {
    if (maxPerSecond < 1 || maxPerSecond > 500) {
      throw new InvalidFieldException("rate", "must be between 1 and 500 messages a second");
    }
    Consumer consumer = consumers.named(consumerName);
    ReplayOutcome outcome;
    if (dryRun) {
      List<DeadLetter> letters =
          DeadLetterScan.scan(queues, consumer.deadLetterQueue(), HIDE_WHILE_REPLAYING);
      queues.release(consumer.deadLetterQueue(), letters);
      List<DeadLetter> selected = letters.stream().filter(selection::matches).toList();
      return new ReplayOutcome(
          consumer.name(), selection, true, method(consumer, selection), selected, 0, 0);
    }
    AuditTrail.Action audited =
        new AuditTrail(audit, clock)
            .begin(actor, "dlq.replay", consumer.name(), selection.toString());
    try {
      outcome =
          byMoveTask(consumer, selection)
              ? moveAll(consumer, maxPerSecond)
              : moveSelected(consumer, selection, maxPerSecond);
    } catch (RuntimeException e) {
      throw audited.failed(e);
    }
    audited.finished(
        outcome.moved(), outcome.complete() ? "ok" : "partial: " + outcome.failed() + " not moved");
    return outcome;
  }

  private ReplayOutcome moveAll(Consumer consumer, int maxPerSecond) {
    String task = queues.startMoveBack(consumer.deadLetterQueue(), consumer.queue(), maxPerSecond);
    Instant deadline = Instant.now(clock).plus(MOVE_TASK_DEADLINE);
    DeadLetterQueues.MoveProgress progress = queues.moveProgress(consumer.deadLetterQueue(), task);
    while (!progress.finished() && Instant.now(clock).isBefore(deadline)) {
      pacer.pause(Duration.ofMillis(250));
      progress = queues.moveProgress(consumer.deadLetterQueue(), task);
    }
    long failed =
        progress.status().equals("COMPLETED")
            ? 0
            : Math.max(1, progress.toMove() - progress.moved());
    return new ReplayOutcome(
        consumer.name(),
        Selection.everything(),
        false,
        "move-task",
        List.of(),
        progress.moved(),
        failed);
  }

  private ReplayOutcome moveSelected(Consumer consumer, Selection selection, int maxPerSecond) {
    List<DeadLetter> letters =
        DeadLetterScan.scan(queues, consumer.deadLetterQueue(), HIDE_WHILE_REPLAYING);
    List<DeadLetter> selected = new ArrayList<>();
    List<DeadLetter> untouched = new ArrayList<>();
    long moved = 0;
    long failed = 0;
    Duration gap = Duration.ofMillis(1000L / maxPerSecond);
    for (DeadLetter letter : letters) {
      if (!selection.matches(letter)) {
        untouched.add(letter);
        continue;
      }
      selected.add(letter);
      try {
        queues.send(consumer.queue(), letter);
      } catch (RuntimeException e) {
        failed++;
        untouched.add(letter);
        continue;
      }
      // Deleted only once the source queue has it: a failure above leaves the letter in the DLQ.
      queues.delete(consumer.deadLetterQueue(), letter);
      moved++;
      pacer.pause(gap);
    }
    queues.release(consumer.deadLetterQueue(), untouched);
    return new ReplayOutcome(
        consumer.name(), selection, false, "one-by-one", selected, moved, failed);
  }

  /** SQS moves messages back only from a queue's redrive DLQ, and all of them. */
  private static boolean byMoveTask(Consumer consumer, Selection selection) {
    return selection.isEverything() && consumer.redriven();
  }

  private static String method(Consumer consumer, Selection selection) {
    return byMoveTask(consumer, selection) ? "move-task" : "one-by-one";
  }
}
