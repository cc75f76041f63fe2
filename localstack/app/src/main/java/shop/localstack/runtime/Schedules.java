package shop.localstack.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduled jobs (outbox sweeps, order expiry) locally, as EventBridge Scheduler does in
 * the cloud: each on its own rate, one run at a time, a failed run logged and retried at the next
 * tick.
 */
public final class Schedules implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);

  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          1, Thread.ofPlatform().name("schedules-", 0).daemon().factory());

  public Schedules every(Duration rate, String name, Runnable job) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            Invocations.timed(
                name,
                "schedule",
                1,
                () -> {
                  job.run();
                  return null;
                });
          } catch (RuntimeException e) {
            LOG.warn("scheduled job {} failed; it runs again in {}", name, rate, e);
          }
        },
        rate.toMillis(),
        rate.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
