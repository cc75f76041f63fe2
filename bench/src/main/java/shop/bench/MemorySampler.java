package shop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Samples the resident memory of the local cloud while a benchmark runs: this JVM's RSS and the
 * embedded PostgreSQL server's processes (found by their port; pg_ctl leaves them to init, so they
 * are not this JVM's children). PostgreSQL's processes share their buffers, so their RSS summed
 * counts the shared pages once per process; PSS divides them fairly and is what the total uses.
 */
final class MemorySampler implements AutoCloseable {
  private static final long PERIOD_MILLIS = 250;

  /**
   * The highest values seen, in kB; {@code total} is the highest JVM RSS + PostgreSQL PSS at once.
   */
  record Peak(long jvmRss, long postgresRss, long postgresPss, long total, int postgresProcesses) {}

  private final Set<Integer> postgresPorts;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread sampler;
  private volatile Peak peak = new Peak(0, 0, 0, 0, 0);

  MemorySampler(Set<Integer> postgresPorts) {
    this.postgresPorts = Set.copyOf(postgresPorts);
    this.sampler = Thread.ofPlatform().daemon().name("memory-sampler").start(this::sample);
  }

  Peak peak() {
    return peak;
  }

  private void sample() {
    while (running.get()) {
      long jvm = kilobytes(Path.of("/proc/self/status"), "VmRSS:");
      List<ProcessHandle> postgres = postgresProcesses();
      long rss = 0;
      long pss = 0;
      for (ProcessHandle process : postgres) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        rss += kilobytes(proc.resolve("status"), "VmRSS:");
        pss += kilobytes(proc.resolve("smaps_rollup"), "Pss:");
      }
      Peak last = peak;
      peak =
          new Peak(
              Math.max(last.jvmRss(), jvm),
              Math.max(last.postgresRss(), rss),
              Math.max(last.postgresPss(), pss),
              Math.max(last.total(), jvm + pss),
              Math.max(last.postgresProcesses(), postgres.size()));
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The postmasters listening on our ports, and every process they started. */
  private List<ProcessHandle> postgresProcesses() {
    return ProcessHandle.allProcesses()
        .filter(this::ourPostmaster)
        .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
        .toList();
  }

  private boolean ourPostmaster(ProcessHandle process) {
    List<String> args = process.info().arguments().map(List::of).orElse(List.of());
    boolean postgres = process.info().command().orElse("").endsWith("/postgres");
    int p = args.indexOf("-p");
    return postgres
        && p >= 0
        && p + 1 < args.size()
        && postgresPorts.contains(Integer.parseInt(args.get(p + 1)));
  }

  private static long kilobytes(Path file, String field) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .filter(l -> l.startsWith(field))
          .findFirst()
          .map(l -> Long.parseLong(l.substring(field.length()).replace("kB", "").strip()))
          .orElse(0L);
    } catch (IOException | RuntimeException e) {
      // The process ended between listing and reading.
      return 0;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    sampler.interrupt();
    sampler.join();
  }
}
