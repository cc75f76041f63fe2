package shop.localstack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.event.ruler.Machine;

/**
 * Archives, in memory: every event accepted on a bus goes to each archive of that bus whose pattern
 * matches (or that has none). Callers get {@link Archive} snapshots; the events stay in here and
 * are handed out by time window for replays. Retention is recorded, not enforced: the local cloud
 * does not live for days.
 */
final class BusArchives {
  /**
   * An archive as it is at one moment. AWS archives of the local cloud are always {@code ENABLED}.
   *
   * @param description null when none was given
   * @param pattern null when the archive keeps every event of its bus
   * @param retentionDays 0 when events are kept indefinitely, as AWS answers it
   */
  record Archive(
      String name,
      String arn,
      String bus,
      String sourceArn,
      String description,
      String pattern,
      int retentionDays,
      Instant created,
      int eventCount,
      long sizeBytes) {
    static final String STATE = "ENABLED";
  }

  /** The changes of an UpdateArchive: null members stay as they are. */
  record Update(String description, String pattern, Integer retentionDays) {}

  private static final class Stored {
    final String name;
    final String arn;
    final String bus;
    final String sourceArn;
    final Instant created = Instant.now();
    final List<BusEvent> events = new ArrayList<>();
    String description;
    String pattern;
    int retentionDays;
    Machine filter;

    Stored(String name, String arn, String bus, String sourceArn) {
      this.name = name;
      this.arn = arn;
      this.bus = bus;
      this.sourceArn = sourceArn;
    }

    void apply(Update update) {
      if (update.description() != null) {
        description = update.description();
      }
      if (update.pattern() != null) {
        filter = EventPatterns.machine(arn, update.pattern());
        pattern = update.pattern();
      }
      if (update.retentionDays() != null) {
        retentionDays = update.retentionDays();
      }
    }

    Archive snapshot() {
      long size = events.stream().mapToLong(BusEvent::size).sum();
      return new Archive(
          name,
          arn,
          bus,
          sourceArn,
          description,
          pattern,
          retentionDays,
          created,
          events.size(),
          size);
    }
  }

  private final Arns arns;
  private final Map<String, Stored> archives = new TreeMap<>();

  BusArchives(Arns arns) {
    this.arns = arns;
  }

  synchronized Archive create(String name, String bus, String sourceArn, Update settings) {
    if (archives.containsKey(name)) {
      throw AwsError.alreadyExists("Archive " + name + " already exists.");
    }
    Stored archive = new Stored(name, arns.archive(name), bus, sourceArn);
    archive.apply(settings);
    archives.put(name, archive);
    return archive.snapshot();
  }

  synchronized Archive archive(String name) {
    return stored(name).snapshot();
  }

  /** The archives whose name starts with {@code namePrefix}, by name. */
  synchronized List<Archive> archives(String namePrefix) {
    return archives.values().stream()
        .filter(a -> a.name.startsWith(namePrefix))
        .map(Stored::snapshot)
        .toList();
  }

  synchronized Archive update(String name, Update update) {
    Stored archive = stored(name);
    archive.apply(update);
    return archive.snapshot();
  }

  synchronized void delete(String name) {
    stored(name);
    archives.remove(name);
  }

  /** Files {@code event} in every archive of its bus that accepts it. */
  synchronized void record(BusEvent event, String envelopeJson) {
    for (Stored archive : archives.values()) {
      if (archive.bus.equals(event.bus())
          && (archive.filter == null || EventPatterns.matchesAny(archive.filter, envelopeJson))) {
        archive.events.add(event);
      }
    }
  }

  /** The archive with ARN {@code arn}, if it (still) exists. */
  synchronized Optional<Archive> byArn(String arn) {
    return archives.values().stream()
        .filter(a -> a.arn.equals(arn))
        .findFirst()
        .map(Stored::snapshot);
  }

  /**
   * The events of archive {@code arn} timed in [{@code from}, {@code to}), oldest first; none once
   * the archive is deleted.
   */
  synchronized List<BusEvent> eventsBetween(String arn, Instant from, Instant to) {
    return archives.values().stream()
        .filter(a -> a.arn.equals(arn))
        .flatMap(a -> a.events.stream())
        .filter(e -> !e.time().isBefore(from) && e.time().isBefore(to))
        .sorted(Comparator.comparing(BusEvent::time))
        .toList();
  }

  private Stored stored(String name) {
    return Optional.ofNullable(archives.get(name))
        .orElseThrow(() -> AwsError.notFound("Archive " + name + " does not exist."));
  }
}
