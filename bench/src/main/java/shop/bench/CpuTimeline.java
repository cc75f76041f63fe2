package shop.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import shop.localstack.runtime.Invocations.Invocation;

/**
 * The local cloud's CPU time, sampled every {@link #EVERY_NANOS}, shared among the invocations that
 * ran meanwhile: the handlers run on virtual threads, whose CPU the JVM does not report one by one,
 * so each sample's CPU goes to the invocations that overlapped it, in proportion to their overlap.
 * What the local cloud burns while no invocation runs (pollers, the compiler, the collector) is
 * taken out first, at its rate over those idle stretches. The emulators' CPU serving an invocation
 * (DynamoDB Local, the Mongo and SQS servers) is in the same process and counts as the
 * invocation's: an upper bound of the handler's own CPU.
 */
final class CpuTimeline implements AutoCloseable {
  static final long EVERY_NANOS = 2_000_000;

  private final List<long[]> samples = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private CpuTimeline() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    sampler =
        Thread.ofPlatform()
            .daemon()
            .name("cpu-timeline")
            .start(
                () -> {
                  while (running) {
                    long[] sample = {System.nanoTime(), os.getProcessCpuTime()};
                    synchronized (samples) {
                      samples.add(sample);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(EVERY_NANOS);
                  }
                });
  }

  static CpuTimeline start() {
    return new CpuTimeline();
  }

  /** Each invocation's share of the CPU, in milliseconds. */
  Map<Invocation, Double> cpuMillis(List<Invocation> invocations) {
    List<long[]> timeline;
    synchronized (samples) {
      timeline = List.copyOf(samples);
    }
    return share(timeline, invocations);
  }

  /**
   * Each interval's CPU, less the idle rate's worth, split among the invocations overlapping it: by
   * overlap over the interval when they cover less than it, by overlap over their summed overlap
   * when they cover more.
   */
  static Map<Invocation, Double> share(List<long[]> timeline, List<Invocation> invocations) {
    List<Map<Invocation, Long>> overlaps = new ArrayList<>();
    double idleCpu = 0;
    double idleNanos = 0;
    for (int i = 1; i < timeline.size(); i++) {
      Map<Invocation, Long> overlapping =
          overlaps(timeline.get(i - 1)[0], timeline.get(i)[0], invocations);
      overlaps.add(overlapping);
      if (overlapping.isEmpty()) {
        idleCpu += timeline.get(i)[1] - timeline.get(i - 1)[1];
        idleNanos += timeline.get(i)[0] - timeline.get(i - 1)[0];
      }
    }
    double idleRate = idleNanos == 0 ? 0 : idleCpu / idleNanos;
    Map<Invocation, Double> cpu = new IdentityHashMap<>();
    invocations.forEach(invocation -> cpu.put(invocation, 0.0));
    for (int i = 1; i < timeline.size(); i++) {
      long length = timeline.get(i)[0] - timeline.get(i - 1)[0];
      double spent = (timeline.get(i)[1] - timeline.get(i - 1)[1] - idleRate * length) / 1e6;
      Map<Invocation, Long> overlapping = overlaps.get(i - 1);
      if (spent <= 0 || overlapping.isEmpty()) {
        continue;
      }
      double over =
          Math.max(length, overlapping.values().stream().mapToLong(Long::longValue).sum());
      overlapping.forEach(
          (invocation, overlap) -> cpu.merge(invocation, spent * overlap / over, Double::sum));
    }
    return cpu;
  }

  private static Map<Invocation, Long> overlaps(long from, long to, List<Invocation> invocations) {
    Map<Invocation, Long> overlaps = new IdentityHashMap<>();
    for (Invocation invocation : invocations) {
      long end = invocation.startedNanos() + invocation.wallNanos();
      long overlap = Math.min(end, to) - Math.max(invocation.startedNanos(), from);
      if (overlap > 0) {
        overlaps.put(invocation, overlap);
      }
    }
    return overlaps;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
