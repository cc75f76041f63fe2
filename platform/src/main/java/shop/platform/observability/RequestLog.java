package shop.platform.observability;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.ThreadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured context of one invocation: request id, route, cold start and, once known, the user
 * id, as fields of every JSON log line written while it runs, and one summary line with status and
 * latency at the end. Never carries bodies, headers or tokens.
 */
public final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("shop.request");

  private RequestLog() {}

  public static RequestLog start(String requestId, String route) {
    return start(requestId, route, Metrics.standard());
  }

  /** As {@link #start(String, String)}, emitting a cold start's metrics into {@code metrics}. */
  public static RequestLog start(String requestId, String route, Metrics metrics) {
    ThreadContext.clearMap();
    if (requestId != null) {
      ThreadContext.put("requestId", requestId);
    }
    if (route != null) {
      ThreadContext.put("route", route);
    }
    ThreadContext.put("coldStart", Boolean.toString(ColdStart.first(metrics)));
    return new RequestLog();
  }

  /** Adds the authenticated user's id to the log context. */
  public static void user(String userId) {
    ThreadContext.put("userId", userId);
  }

  public void finish(int status, long elapsedNanos) {
    ThreadContext.put("status", Integer.toString(status));
    ThreadContext.put("latencyMs", Long.toString(TimeUnit.NANOSECONDS.toMillis(elapsedNanos)));
    LOG.info("request finished");
    ThreadContext.clearMap();
  }
}
