package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import shop.transaction.TransactionModule;

/**
 * The order expiry sweep, target of an EventBridge Scheduler rate schedule (its input is ignored).
 * The local cloud calls {@link #run()} on its own schedule.
 */
public final class ExpireOrdersHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  /** Left of the function's time for relaying the events of the last batch. */
  static final Duration MARGIN = Duration.ofSeconds(20);

  private static final Duration LOCAL_BUDGET = Duration.ofSeconds(30);

  private final TransactionModule module;

  /** For the Lambda runtime. */
  public ExpireOrdersHandler() {
    this(TransactionModule.instance());
  }

  public ExpireOrdersHandler(TransactionModule module) {
    this.module = module;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return Map.of(
        "expired", run(Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN)));
  }

  /** As {@link #run(Duration)} with the local cloud's budget (it calls this on its schedule). */
  public int run() {
    return run(LOCAL_BUDGET);
  }

  /**
   * Cancels the orders past their deadline for at most {@code budget}, and sends their
   * OrderCancelled events; returns how many.
   */
  public int run(Duration budget) {
    Instant stopBy = Instant.now().plus(budget);
    return module.outbox().relayingAfter(() -> module.expireOrders().expire(stopBy));
  }
}
