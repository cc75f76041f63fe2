package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.HashMap;
import java.util.Map;
import shop.user.UserModule;

/**
 * Sends outbox entries the fast path left behind (the bus was down, the function died after
 * commit), parks what keeps failing and deletes those sent over a week ago; on the same schedule,
 * forgets the throttle's counts of source addresses whose window has ended. Runs on a schedule
 * (EventBridge Scheduler in the cloud, a timer in the local cloud).
 */
public final class OutboxSweepHandler
    implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
  /** Most entries one run sends; the next run takes the rest. */
  private static final int MAX_PER_RUN = 500;

  private final UserModule module;

  /** For the Lambda runtime: the module of this cold start. */
  public OutboxSweepHandler() {
    this(UserModule.instance());
  }

  public OutboxSweepHandler(UserModule module) {
    this.module = module;
  }

  @Override
  public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
    Map<String, Integer> summary = new HashMap<>(module.sweepOutbox(MAX_PER_RUN).toMap());
    summary.put("sourceAttemptsPruned", module.pruneSourceAttempts());
    return summary;
  }
}
