package shop.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.ops.archive.ArchiveReplays.ReplayProgress;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.InMemoryAuditLog;
import shop.ops.deadletter.Consumers;
import shop.platform.testing.MutableClock;

class ReplayArchiveProgressTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final List<Duration> pauses = new ArrayList<>();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();

  @Test
  void theListenerHearsEachStateOnce() {
    List<String> heard = new ArrayList<>();

    ReplayProgress last =
        replayAnswering("STARTING", "RUNNING", "RUNNING", "COMPLETED")
            .replay(NOW.minusSeconds(60), NOW, Optional.empty(), "ada", p -> heard.add(p.state()));

    assertThat(heard).containsExactly("STARTING", "RUNNING", "COMPLETED");
    assertThat(last.state()).isEqualTo("COMPLETED");
    assertThat(pauses).hasSize(3).containsOnly(Duration.ofMillis(500));
    assertThat(audit.outcomes()).singleElement().extracting(AuditEntry::target).isEqualTo("all");
  }

  @Test
  void aReplayStillRunningAtTheDeadlineIsAuditedAsFailed() {
    ReplayProgress last =
        replayAnswering("RUNNING")
            .replay(NOW.minusSeconds(60), NOW, Optional.empty(), "ada", p -> {});

    assertThat(last.state()).isEqualTo("RUNNING");
    assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(audit.outcomes())
        .singleElement()
        .extracting(AuditEntry::result)
        .isEqualTo("failed: RUNNING");
  }

  @Test
  void aReplayIsFinishedOnceCompletedCancelledOrFailed() {
    assertThat(
            List.of("STARTING", "RUNNING", "CANCELLING", "COMPLETED", "CANCELLED", "FAILED")
                .stream()
                .filter(state -> new ReplayProgress(state, null, null).finished()))
        .containsExactly("COMPLETED", "CANCELLED", "FAILED");
  }

  /** A replay whose progress is each of {@code states} in turn, then the last one for ever. */
  private ReplayArchive replayAnswering(String... states) {
    Deque<String> answers = new ArrayDeque<>(List.of(states));
    ArchiveReplays replays =
        new ArchiveReplays() {
          @Override
          public void start(String name, Instant from, Instant to, Optional<String> rule) {}

          @Override
          public ReplayProgress progress(String name) {
            String state = answers.size() > 1 ? answers.poll() : answers.peek();
            return new ReplayProgress(state, null, null);
          }
        };
    return new ReplayArchive(
        new Consumers(List.of()),
        replays,
        audit,
        clock,
        duration -> {
          pauses.add(duration);
          clock.advance(duration);
        },
        Duration.ofMinutes(1));
  }
}
