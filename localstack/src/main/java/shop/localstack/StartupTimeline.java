package shop.localstack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where start-up time goes: each phase (an emulator starting, a migration, a seed) with when it
 * began and ended, measured from the timeline's creation. Phases overlap; {@link #table()} lists
 * them in start order so that the critical path can be read off. Thread-safe.
 */
public final class StartupTimeline {
  private static final Logger LOG = LoggerFactory.getLogger(StartupTimeline.class);

  /** A phase, in milliseconds since the timeline began. */
  public record Phase(String name, long startMillis, long endMillis) {
    public long millis() {
      return endMillis - startMillis;
    }
  }

  private final long origin;
  private final List<Phase> phases = new ArrayList<>();

  /** A timeline that begins now. */
  public StartupTimeline() {
    this(System.nanoTime());
  }

  /** A timeline that began at {@code originNanos} ({@link System#nanoTime()}). */
  public StartupTimeline(long originNanos) {
    this.origin = originNanos;
  }

  /** Runs {@code work} as the phase {@code name}; its exceptions pass through unchanged. */
  public <T> T time(String name, Callable<T> work) {
    long start = elapsedMillis();
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CompletionException(e);
    } finally {
      record(name, start, elapsedMillis());
    }
  }

  /** Runs {@code work} as the phase {@code name}. */
  public void time(String name, Runnable work) {
    time(
        name,
        () -> {
          work.run();
          return null;
        });
  }

  /** Milliseconds since the timeline began. */
  public long elapsedMillis() {
    return (System.nanoTime() - origin) / 1_000_000;
  }

  private void record(String name, long start, long end) {
    Phase phase = new Phase(name, start, end);
    synchronized (phases) {
      phases.add(phase);
    }
    LOG.info("{} took {} ms (at {}-{} ms)", name, phase.millis(), start, end);
  }

  /** Every finished phase, in start order. */
  public List<Phase> phases() {
    synchronized (phases) {
      return phases.stream()
          .sorted(Comparator.comparingLong(Phase::startMillis).thenComparing(Phase::name))
          .toList();
    }
  }

  /** One line per phase: name, start, end and duration in milliseconds. */
  public String table() {
    List<Phase> sorted = phases();
    int width = sorted.stream().mapToInt(p -> p.name().length()).max().orElse(5);
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(Locale.ROOT, "%-" + width + "s %8s %8s %8s%n", "phase", "from", "to", "ms"));
    for (Phase phase : sorted) {
      table.append(
          String.format(
              Locale.ROOT,
              "%-" + width + "s %8d %8d %8d%n",
              phase.name(),
              phase.startMillis(),
              phase.endMillis(),
              phase.millis()));
    }
    return table.toString();
  }
}
