package shop.localstack;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.RuleCompiler;

/**
 * Archives (in memory) and replays. Every event accepted on a bus goes to each archive of that bus
 * whose pattern matches; a replay sends an archive's events of a time window back to the bus, to
 * every rule or only to the rules in {@code Destination.FilterArns}, on a background thread that
 * moves the replay STARTING → RUNNING → COMPLETED (or FAILED).
 */
final class BusArchives {
  static final class Archive {
    final String name;
    final String arn;
    final String bus;
    final String sourceArn;
    final String description;
    final String pattern;
    final Integer retentionDays;
    final Instant created = Instant.now();
    final List<BusEvent> events = new ArrayList<>();
    private final Machine filter;

    Archive(
        String name,
        String arn,
        String bus,
        String sourceArn,
        String description,
        String pattern,
        Integer retentionDays) {
      this.name = name;
      this.arn = arn;
      this.bus = bus;
      this.sourceArn = sourceArn;
      this.description = description;
      this.pattern = pattern;
      this.retentionDays = retentionDays;
      this.filter = pattern == null ? null : machine(arn, pattern);
    }

    boolean accepts(String envelopeJson) {
      try {
        return filter == null || !filter.rulesForJSONEvent(envelopeJson).isEmpty();
      } catch (Exception e) {
        throw new IllegalStateException("event-ruler could not read an event envelope", e);
      }
    }

    long sizeBytes() {
      return events.stream().mapToLong(BusEvent::size).sum();
    }
  }

  static final class Replay {
    final String name;
    final String arn;
    final String description;
    final String archiveArn;
    final String destinationArn;
    final List<String> filterArns;
    final Instant eventStart;
    final Instant eventEnd;
    final Instant started = Instant.now();
    volatile String state = "STARTING";
    volatile String stateReason = "Replay is starting.";
    volatile Instant lastReplayed;
    volatile Instant ended;

    Replay(
        String name,
        String arn,
        String description,
        String archiveArn,
        String destinationArn,
        List<String> filterArns,
        Instant eventStart,
        Instant eventEnd) {
      this.name = name;
      this.arn = arn;
      this.description = description;
      this.archiveArn = archiveArn;
      this.destinationArn = destinationArn;
      this.filterArns = List.copyOf(filterArns);
      this.eventStart = eventStart;
      this.eventEnd = eventEnd;
    }
  }

  private final Arns arns;
  private final Executor replayer;
  private final Map<String, Archive> archives = new LinkedHashMap<>();
  private final Map<String, Replay> replays = new LinkedHashMap<>();

  BusArchives(Arns arns, Executor replayer) {
    this.arns = arns;
    this.replayer = replayer;
  }

  synchronized Archive create(
      String name,
      String bus,
      String sourceArn,
      String description,
      String pattern,
      Integer retentionDays) {
    if (archives.containsKey(name)) {
      throw AwsError.alreadyExists("Archive " + name + " already exists.");
    }
    if (pattern != null && RuleCompiler.check(pattern) != null) {
      throw new AwsError(
          400,
          "InvalidEventPatternException",
          "Event pattern is not valid. Reason: " + RuleCompiler.check(pattern));
    }
    Archive archive =
        new Archive(name, arns.archive(name), bus, sourceArn, description, pattern, retentionDays);
    archives.put(name, archive);
    return archive;
  }

  synchronized Archive archive(String name) {
    return Optional.ofNullable(archives.get(name))
        .orElseThrow(() -> AwsError.notFound("Archive " + name + " does not exist."));
  }

  /** Files {@code event} in every archive of its bus that accepts it. */
  synchronized void record(BusEvent event, String envelopeJson) {
    for (Archive archive : archives.values()) {
      if (archive.bus.equals(event.bus()) && archive.accepts(envelopeJson)) {
        archive.events.add(event);
      }
    }
  }

  /**
   * Starts a replay; {@code deliver} gets each replayed event and the rule ARNs it may go to
   * (empty: every rule).
   */
  synchronized Replay start(
      String name,
      String description,
      String archiveArn,
      Instant eventStart,
      Instant eventEnd,
      String destinationArn,
      List<String> filterArns,
      BiConsumer<BusEvent, Set<String>> deliver) {
    if (replays.containsKey(name)) {
      throw AwsError.alreadyExists("Replay " + name + " already exists.");
    }
    Archive archive =
        archives.values().stream()
            .filter(a -> a.arn.equals(archiveArn))
            .findFirst()
            .orElseThrow(() -> AwsError.notFound("Archive " + archiveArn + " does not exist."));
    if (!eventStart.isBefore(eventEnd)) {
      throw AwsError.validation(
          "Parameter EventStartTime is not valid. Reason: EventStartTime must be before"
              + " EventEndTime.");
    }
    if (!destinationArn.equals(archive.sourceArn)) {
      throw AwsError.validation(
          "Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not"
              + " permitted.");
    }
    Replay replay =
        new Replay(
            name,
            arns.replay(name),
            description,
            archiveArn,
            destinationArn,
            filterArns,
            eventStart,
            eventEnd);
    replays.put(name, replay);
    replayer.execute(() -> run(replay, archive, deliver));
    return replay;
  }

  synchronized Replay replay(String name) {
    return Optional.ofNullable(replays.get(name))
        .orElseThrow(() -> AwsError.notFound("Replay " + name + " does not exist."));
  }

  private void run(Replay replay, Archive archive, BiConsumer<BusEvent, Set<String>> deliver) {
    replay.state = "RUNNING";
    replay.stateReason = "Replay is running.";
    try {
      List<BusEvent> window;
      synchronized (this) {
        window =
            archive.events.stream()
                .filter(e -> !e.time().isBefore(replay.eventStart))
                .filter(e -> e.time().isBefore(replay.eventEnd))
                .sorted(Comparator.comparing(BusEvent::time))
                .toList();
      }
      Set<String> filter = Set.copyOf(replay.filterArns);
      for (BusEvent event : window) {
        deliver.accept(event.replayedAs(replay.name), filter);
        replay.lastReplayed = event.time();
      }
      finish(replay, "COMPLETED", "Replay completed.");
    } catch (RuntimeException e) {
      finish(replay, "FAILED", "Replay failed: " + e.getMessage());
    }
  }

  private static void finish(Replay replay, String state, String reason) {
    replay.ended = Instant.now();
    replay.stateReason = reason;
    replay.state = state;
  }

  private static Machine machine(String name, String pattern) {
    Machine machine = Machine.builder().build();
    try {
      machine.addRule(name, pattern);
    } catch (IOException e) {
      throw new AwsError(
          400, "InvalidEventPatternException", "Event pattern is not valid. Reason: " + e);
    }
    return machine;
  }
}
