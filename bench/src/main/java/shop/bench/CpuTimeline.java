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
 * The emulators' CPU serving an invocation (DynamoDB Local, the Mongo and SQS servers) is in the
 * same process and counts as the invocation's: an upper bound of the handler's own CPU.
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
   * Each interval's CPU split among the invocations overlapping it: by overlap over the interval
   * when they cover less than it, by overlap over their summed overlap when they cover more.
   */
  static Map<Invocation, Double> share(List<long[]> timeline, List<Invocation> invocations) {
    Map<Invocation, Double> cpu = new IdentityHashMap<>();
    invocations.forEach(invocation -> cpu.put(invocation, 0.0));
    for (int i = 1; i < timeline.size(); i++) {
      long from = timeline.get(i - 1)[0];
      long to = timeline.get(i)[0];
      double spent = (timeline.get(i)[1] - timeline.get(i - 1)[1]) / 1e6;
      if (to <= from || spent <= 0) {
        continue;
      }
      Map<Invocation, Long> overlaps = new IdentityHashMap<>();
      long covered = 0;
      for (Invocation invocation : invocations) {
        long end = invocation.startedNanos() + invocation.wallNanos();
        long overlap = Math.min(end, to) - Math.max(invocation.startedNanos(), from);
        if (overlap > 0) {
          overlaps.put(invocation, overlap);
          covered += overlap;
        }
      }
      double over = Math.max(covered, to - from);
      overlaps.forEach(
          (invocation, overlap) -> cpu.merge(invocation, spent * overlap / over, Double::sum));
    }
    return cpu;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
