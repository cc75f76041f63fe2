package shop.platform.observability;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first invocation of this runtime: counted once ({@code ColdStarts}) with the time the runtime
 * took to get there ({@code InitMs}: JVM uptime at the first request or batch), per function where
 * Lambda names it.
 */
public final class ColdStart {
  private static final AtomicBoolean COLD = new AtomicBoolean(true);

  private ColdStart() {}

  /** Whether this is the first invocation; true once per runtime, emitting its metrics then. */
  public static boolean first(Metrics metrics) {
    if (!COLD.getAndSet(false)) {
      return false;
    }
    String function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    metrics
        .point(function == null ? Map.of() : Map.of("function", function))
        .count("ColdStarts", 1)
        .milliseconds("InitMs", ManagementFactory.getRuntimeMXBean().getUptime())
        .emit();
    return true;
  }
}
