package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.InMemoryAuditLog;
import shop.ops.deadletter.DeadLetterQueues.MoveProgress;
import shop.platform.domain.InvalidFieldException;
import shop.platform.testing.MutableClock;

class ReplayDeadLettersTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Consumer INVENTORY =
      new Consumer("inventory", "shop-inventory", "shop-inventory-dlq", "shop-inventory");
  private static final Consumer UNDELIVERABLE =
      Consumer.undeliverable(
          "inventory", "shop-inventory", "shop-inventory-undeliverable", "shop-inventory");
  private static final Consumers CONSUMERS = new Consumers(List.of(INVENTORY, UNDELIVERABLE));

  private final InMemoryQueues queues = new InMemoryQueues();
  private final MutableClock clock = new MutableClock(T0.plusSeconds(3600));
  private final List<Duration> pauses = new ArrayList<>();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();

  @BeforeEach
  void deadLetters() {
    queues.put("shop-inventory-dlq", InMemoryQueues.letter("e1", "OrderCreated", T0));
    queues.put(
        "shop-inventory-dlq", InMemoryQueues.letter("e2", "OrderCancelled", T0.plusSeconds(60)));
    queues.put(
        "shop-inventory-dlq", InMemoryQueues.letter("e3", "OrderCreated", T0.plusSeconds(120)));
  }

  @Test
  void aDryRunNamesTheMethodAReplayWouldUse() {
    ReplayDeadLetters replay = replayOn(queues);
    Selection created = new Selection(null, "OrderCreated", null, null);

    assertThat(replay.replay("inventory", Selection.everything(), true, 10, "ada").method())
        .isEqualTo("move-task");
    assertThat(replay.replay("inventory", created, true, 10, "ada").method())
        .isEqualTo("one-by-one");
    assertThat(
            replay
                .replay("inventory-undeliverable", Selection.everything(), true, 10, "ada")
                .method())
        .isEqualTo("one-by-one");
  }

  @Test
  void aReplayedLetterIsDeletedFromTheDeadLetterQueue() {
    replayOn(queues)
        .replay("inventory", new Selection(Set.of("e2"), null, null, null), false, 10, "ada");

    assertThat(queues.in("shop-inventory-dlq"))
        .extracting(DeadLetter::eventId)
        .containsExactly("e1", "e3");
  }

  @Test
  void oneByOneSendsArePacedAtTheRate() {
    replayOn(queues)
        .replay("inventory", new Selection(null, "OrderCreated", null, null), false, 4, "ada");

    assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
  }

  @Test
  void theRateIsOneToFiveHundredMessagesASecond() {
    Selection e1 = new Selection(Set.of("e1"), null, null, null);
    Selection e2 = new Selection(Set.of("e2"), null, null, null);
    ReplayDeadLetters replay = replayOn(queues);

    assertThat(replay.replay("inventory", e1, false, 1, "ada").moved()).isEqualTo(1);
    assertThat(replay.replay("inventory", e2, false, 500, "ada").moved()).isEqualTo(1);
    assertThatThrownBy(() -> replay.replay("inventory", e1, false, 501, "ada"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("rate");
  }

  @Test
  void aMoveTaskIsFollowedUntilItCompletes() {
    ScriptedMoves moves =
        new ScriptedMoves(
            new MoveProgress("RUNNING", 0, 3, null),
            new MoveProgress("RUNNING", 1, 3, null),
            new MoveProgress("COMPLETED", 3, 3, null));

    ReplayOutcome outcome =
        replayOn(moves).replay("inventory", Selection.everything(), false, 10, "ada");

    assertThat(moves.started).containsExactly("shop-inventory-dlq -> shop-inventory at 10/s");
    assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    assertThat(outcome.moved()).isEqualTo(3);
    assertThat(outcome.failed()).isZero();
    assertThat(outcome.complete()).isTrue();
    assertThat(audit.outcomes()).singleElement().extracting(AuditEntry::result).isEqualTo("ok");
  }

  @Test
  void aMoveTaskThatFailsHalfwayCountsWhatItDidNotMove() {
    ScriptedMoves moves = new ScriptedMoves(new MoveProgress("FAILED", 2, 5, "AccessDenied"));

    ReplayOutcome outcome =
        replayOn(moves).replay("inventory", Selection.everything(), false, 10, "ada");

    assertThat(outcome.moved()).isEqualTo(2);
    assertThat(outcome.failed()).isEqualTo(3);
    assertThat(audit.outcomes())
        .singleElement()
        .extracting(AuditEntry::result)
        .isEqualTo("partial: 3 not moved");
  }

  @Test
  void aMoveTaskStillRunningAfterTenMinutesIsLeftRunningAndReportedPartial() {
    ScriptedMoves moves = new ScriptedMoves(new MoveProgress("RUNNING", 4, 4, null));

    ReplayOutcome outcome =
        replayOn(moves).replay("inventory", Selection.everything(), false, 10, "ada");

    assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofMinutes(10));
    // Everything counted as moved, yet not finished: at least one is reported not moved.
    assertThat(outcome.failed()).isEqualTo(1);
    assertThat(outcome.complete()).isFalse();
  }

  private ReplayDeadLetters replayOn(DeadLetterQueues on) {
    return new ReplayDeadLetters(
        CONSUMERS,
        on,
        audit,
        clock,
        duration -> {
          pauses.add(duration);
          clock.advance(duration);
        });
  }

  /** SQS's move task, answering the given progress in turn, then the last one for ever. */
  private static final class ScriptedMoves implements DeadLetterQueues {
    final List<String> started = new ArrayList<>();
    private final Deque<MoveProgress> answers;

    ScriptedMoves(MoveProgress... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public String startMoveBack(String deadLetterQueue, String sourceQueue, int maxPerSecond) {
      started.add(deadLetterQueue + " -> " + sourceQueue + " at " + maxPerSecond + "/s");
      return "task-1";
    }

    @Override
    public MoveProgress moveProgress(String deadLetterQueue, String taskHandle) {
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public long count(String queue) {
      throw new UnsupportedOperationException("a move task reads no message");
    }

    @Override
    public List<DeadLetter> receive(String queue, Duration hideFor) {
      throw new UnsupportedOperationException("a move task reads no message");
    }

    @Override
    public void release(String queue, List<DeadLetter> letters) {
      throw new UnsupportedOperationException("a move task reads no message");
    }

    @Override
    public void send(String queue, DeadLetter letter) {
      throw new UnsupportedOperationException("a move task sends no message itself");
    }

    @Override
    public void delete(String queue, DeadLetter letter) {
      throw new UnsupportedOperationException("a move task deletes no message itself");
    }
  }
}
