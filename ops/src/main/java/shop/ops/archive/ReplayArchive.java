package shop.ops.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import shop.ops.audit.AuditLog;
import shop.ops.audit.AuditTrail;
import shop.ops.deadletter.Consumers;
import shop.ops.deadletter.Pacer;
import shop.platform.domain.InvalidFieldException;

/**
 * Re-delivers a time window of the archive to the bus, to every consumer or to one, and follows it
 * until done. Consumers ignore what they already handled (idempotent on the CloudEvent id), so a
 * replay only fills gaps.
 */
public final class ReplayArchive {
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumers consumers;
  private final ArchiveReplays replays;
  private final AuditLog audit;
  private final Clock clock;
  private final Pacer pacer;
  private final Duration deadline;

  public ReplayArchive(
      Consumers consumers,
      ArchiveReplays replays,
      AuditLog audit,
      Clock clock,
      Pacer pacer,
      Duration deadline) {
    this.consumers = consumers;
    this.replays = replays;
    this.audit = audit;
    this.clock = clock;
    this.pacer = pacer;
    this.deadline = deadline;
  }

  /**
   * Replays {@code [from, to)}; {@code progress} hears of each state change. Returns the final
   * progress.
   */
  public ArchiveReplays.ReplayProgress replay(
      Instant from,
      Instant to,
      Optional<String> consumerName,
      String actor,
      Consumer<ArchiveReplays.ReplayProgress> progress) {
    if (!from.isBefore(to)) {
      throw new InvalidFieldException("from", "must be before the end of the window (to)");
    }
    if (to.isAfter(Instant.now(clock))) {
      throw new InvalidFieldException("to", "cannot be in the future");
    }
    Optional<String> rule = consumerName.map(name -> consumers.subscriber(name).rule());
    String name = "ops-" + Instant.now(clock).toEpochMilli();
    AuditTrail.Action audited =
        new AuditTrail(audit, clock)
            .begin(
                actor,
                "archive.replay",
                consumerName.orElse("all"),
                "from=" + from + " to=" + to + " replay=" + name);
    ArchiveReplays.ReplayProgress state;
    try {
      replays.start(name, from, to, rule);
      Instant giveUp = Instant.now(clock).plus(deadline);
      state = replays.progress(name);
      String lastState = "";
      while (true) {
        if (!state.state().equals(lastState)) {
          progress.accept(state);
          lastState = state.state();
        }
        if (state.finished() || !Instant.now(clock).isBefore(giveUp)) {
          break;
        }
        pacer.pause(POLL);
        state = replays.progress(name);
      }
    } catch (RuntimeException e) {
      throw audited.failed(e);
    }
    audited.finished(0, state.state().equals("COMPLETED") ? "ok" : "failed: " + state.state());
    return state;
  }
}
