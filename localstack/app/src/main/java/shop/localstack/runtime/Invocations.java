package shop.localstack.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every handler invocation the local runtime makes (HTTP API, queue pollers, Invoke API,
 * schedules), timed as Lambda bills one: the wall clock from the handler's entry to its return,
 * with the invoking thread's CPU time beside it. Benchmarks listen ({@code ./shop bench cost});
 * with no listener nothing is kept. Static because one JVM runs one local cloud and every runtime
 * piece reports here without a recorder threaded through their constructors.
 */
public final class Invocations {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<Consumer<Invocation>> LISTENERS = new CopyOnWriteArrayList<>();

  /**
   * One invocation.
   *
   * @param function the function's name, as the runtime knows it
   * @param kind {@code http}, {@code sqs}, {@code invoke} or {@code schedule}
   * @param startedNanos {@link System#nanoTime()} at the handler's entry
   * @param wallNanos entry to return: what Lambda bills (rounded up to the millisecond)
   * @param cpuNanos the invoking thread's CPU time meanwhile (not the drivers' own threads)
   * @param items the messages in the batch (1 for anything but a queue)
   */
  public record Invocation(
      String function, String kind, long startedNanos, long wallNanos, long cpuNanos, int items) {
    /** Lambda's billed duration: the wall clock rounded up to the millisecond. */
    public long billedMillis() {
      return Math.max(1, (wallNanos + 999_999) / 1_000_000);
    }
  }

  private Invocations() {}

  /** Calls {@code listener} with every invocation that ends until the returned handle closes. */
  public static AutoCloseable listen(Consumer<Invocation> listener) {
    LISTENERS.add(listener);
    return () -> LISTENERS.remove(listener);
  }

  /** A handler's invocation as the runtime makes it. */
  interface Call<T, E extends Exception> {
    T run() throws E;
  }

  static <T, E extends Exception> T timed(String function, String kind, int items, Call<T, E> call)
      throws E {
    if (LISTENERS.isEmpty()) {
      return call.run();
    }
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    try {
      return call.run();
    } finally {
      Invocation invocation =
          new Invocation(
              function,
              kind,
              start,
              System.nanoTime() - start,
              THREADS.getCurrentThreadCpuTime() - cpu,
              items);
      LISTENERS.forEach(listener -> listener.accept(invocation));
    }
  }
}
