package shop.ops.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import shop.ops.deadletter.Consumers;
import shop.platform.domain.InvalidFieldException;

/**
 * Starts re-delivering a time window of the archive and returns at once, for callers that cannot
 * wait (the API: a replay can outlast an HTTP request); {@link ShowArchiveReplay} follows it. The
 * start is recorded in the audit log. {@link ReplayArchive} is the CLI's start-and-follow.
 */
public final class StartArchiveReplay {
  private final Consumers consumers;
  private final ArchiveReplays replays;
  private final AuditLog audit;
  private final Clock clock;

  public StartArchiveReplay(
      Consumers consumers, ArchiveReplays replays, AuditLog audit, Clock clock) {
    this.consumers = consumers;
    this.replays = replays;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What to replay.
   *
   * @param consumer one consumer, or null for every rule
   */
  public record Command(Instant from, Instant to, String consumer, String actor) {
    public Command {
      if (from == null) {
        throw new InvalidFieldException("from", "is required");
      }
      if (to == null) {
        throw new InvalidFieldException("to", "is required");
      }
      if (!from.isBefore(to)) {
        throw new InvalidFieldException("from", "must be before the end of the window (to)");
      }
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** The replay as it stands right after it started. */
  public record Started(String name, ArchiveReplays.ReplayProgress progress) {}

  public Started start(Command command) {
    if (command.to().isAfter(Instant.now(clock))) {
      throw new InvalidFieldException("to", "cannot be in the future");
    }
    Optional<String> consumer = Optional.ofNullable(command.consumer());
    Optional<String> rule = consumer.map(name -> consumers.subscriber(name).rule());
    String name = "ops-" + Instant.now(clock).toEpochMilli();
    replays.start(name, command.from(), command.to(), rule);
    audit.record(
        new AuditEntry(
            Instant.now(clock),
            command.actor(),
            "archive.replay",
            consumer.orElse("all"),
            "from=" + command.from() + " to=" + command.to() + " replay=" + name,
            0,
            "started"));
    return new Started(name, replays.progress(name));
  }
}
