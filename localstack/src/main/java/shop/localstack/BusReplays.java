package shop.localstack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Replays: a replay sends an archive's events of a time window back to the archive's bus, to every
 * rule or only to the rules in {@code Destination.FilterArns}, on the {@code replayer}, moving
 * STARTING → RUNNING → COMPLETED (or FAILED). CancelReplay stops a STARTING replay at once
 * (CANCELLED) and a RUNNING one before its next event (CANCELLING, then CANCELLED), as AWS allows
 * cancelling only those two states. Callers get {@link Replay} snapshots.
 */
final class BusReplays {
  static final String STARTING = "STARTING";
  static final String RUNNING = "RUNNING";
  static final String CANCELLING = "CANCELLING";
  static final String COMPLETED = "COMPLETED";
  static final String CANCELLED = "CANCELLED";
  static final String FAILED = "FAILED";

  /**
   * A replay as it is at one moment.
   *
   * @param description null when none was given
   * @param lastReplayed the time of the last event replayed, null before the first
   * @param ended null while the replay is STARTING, RUNNING or CANCELLING
   */
  record Replay(
      String name,
      String arn,
      String description,
      String archiveArn,
      String destinationArn,
      List<String> filterArns,
      Instant eventStart,
      Instant eventEnd,
      Instant started,
      String state,
      String stateReason,
      Instant lastReplayed,
      Instant ended) {}

  /** What StartReplay asks for. */
  record Request(
      String name,
      String description,
      String archiveArn,
      Instant eventStart,
      Instant eventEnd,
      String destinationArn,
      List<String> filterArns) {}

  private static final class Stored {
    final Request request;
    final String arn;
    final Instant started = Instant.now();
    String state = STARTING;
    String stateReason = "Replay is starting.";
    Instant lastReplayed;
    Instant ended;

    Stored(Request request, String arn) {
      this.request = request;
      this.arn = arn;
    }

    Replay snapshot() {
      return new Replay(
          request.name(),
          arn,
          request.description(),
          request.archiveArn(),
          request.destinationArn(),
          List.copyOf(request.filterArns()),
          request.eventStart(),
          request.eventEnd(),
          started,
          state,
          stateReason,
          lastReplayed,
          ended);
    }

    void finish(String finalState, String reason) {
      ended = Instant.now();
      state = finalState;
      stateReason = reason;
    }
  }

  private final Arns arns;
  private final BusArchives archives;
  private final Executor replayer;
  private final Map<String, Stored> replays = new TreeMap<>();

  BusReplays(Arns arns, BusArchives archives, Executor replayer) {
    this.arns = arns;
    this.archives = archives;
    this.replayer = replayer;
  }

  /**
   * Starts a replay; {@code deliver} gets each replayed event and the rule ARNs it may go to
   * (empty: every rule).
   */
  synchronized Replay start(Request request, BiConsumer<BusEvent, Set<String>> deliver) {
    if (replays.containsKey(request.name())) {
      throw AwsError.alreadyExists("Replay " + request.name() + " already exists.");
    }
    BusArchives.Archive archive =
        archives
            .byArn(request.archiveArn())
            .orElseThrow(
                () -> AwsError.notFound("Archive " + request.archiveArn() + " does not exist."));
    if (!request.eventStart().isBefore(request.eventEnd())) {
      throw AwsError.validation(
          "Parameter EventStartTime is not valid. Reason: EventStartTime must be before"
              + " EventEndTime.");
    }
    if (!request.destinationArn().equals(archive.sourceArn())) {
      throw AwsError.validation(
          "Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not"
              + " permitted.");
    }
    Stored replay = new Stored(request, arns.replay(request.name()));
    replays.put(request.name(), replay);
    replayer.execute(() -> run(replay, deliver));
    return replay.snapshot();
  }

  synchronized Replay replay(String name) {
    return stored(name).snapshot();
  }

  /** The replays whose name starts with {@code namePrefix}, by name. */
  synchronized List<Replay> replays(String namePrefix) {
    return replays.values().stream()
        .filter(r -> r.request.name().startsWith(namePrefix))
        .map(Stored::snapshot)
        .toList();
  }

  synchronized Replay cancel(String name) {
    Stored replay = stored(name);
    switch (replay.state) {
      case STARTING -> replay.finish(CANCELLED, "Replay was cancelled.");
      case RUNNING -> {
        replay.state = CANCELLING;
        replay.stateReason = "Replay is being cancelled.";
      }
      default ->
          throw new AwsError(
              400,
              "IllegalStatusException",
              "Replay " + name + " is not in a valid state for this operation.");
    }
    return replay.snapshot();
  }

  private void run(Stored replay, BiConsumer<BusEvent, Set<String>> deliver) {
    Request request = replay.request;
    if (!moveTo(replay, STARTING, RUNNING, "Replay is running.")) {
      return; // cancelled before it began
    }
    try {
      Set<String> onlyRules = Set.copyOf(request.filterArns());
      for (BusEvent event :
          archives.eventsBetween(request.archiveArn(), request.eventStart(), request.eventEnd())) {
        if (cancelledWhileRunning(replay)) {
          return;
        }
        deliver.accept(event.replayedAs(request.name()), onlyRules);
        replayed(replay, event.time());
      }
      if (!cancelledWhileRunning(replay)) {
        moveTo(replay, RUNNING, COMPLETED, "Replay completed.");
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        replay.finish(FAILED, "Replay failed: " + e.getMessage());
      }
    }
  }

  /**
   * Moves {@code replay} from state {@code from} to a final or running state; false if not in it.
   */
  private synchronized boolean moveTo(Stored replay, String from, String to, String reason) {
    if (!replay.state.equals(from)) {
      return false;
    }
    if (to.equals(RUNNING)) {
      replay.state = to;
      replay.stateReason = reason;
    } else {
      replay.finish(to, reason);
    }
    return true;
  }

  private synchronized boolean cancelledWhileRunning(Stored replay) {
    return moveTo(replay, CANCELLING, CANCELLED, "Replay was cancelled.");
  }

  private synchronized void replayed(Stored replay, Instant eventTime) {
    replay.lastReplayed = eventTime;
  }

  private Stored stored(String name) {
    return Optional.ofNullable(replays.get(name))
        .orElseThrow(() -> AwsError.notFound("Replay " + name + " does not exist."));
  }
}
