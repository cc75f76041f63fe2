package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import shop.platform.outbox.RelaySummary;
import shop.transaction.TransactionModule;

/**
 * The outbox sweep, target of an EventBridge Scheduler rate schedule: sends the events the fast
 * path after each commit did not, and deletes those sent over a week ago. The local cloud calls
 * {@link #run()} on its own schedule.
 */
public final class OutboxSweepHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  static final int MAX_PER_RUN = 500;

  private final TransactionModule module;

  /** For the Lambda runtime. */
  public OutboxSweepHandler() {
    this(TransactionModule.instance());
  }

  public OutboxSweepHandler(TransactionModule module) {
    this.module = module;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return Map.copyOf(run().toMap());
  }

  public RelaySummary run() {
    return module.sweepOutbox(MAX_PER_RUN);
  }
}
