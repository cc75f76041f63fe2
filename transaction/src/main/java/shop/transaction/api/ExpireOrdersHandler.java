package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import shop.transaction.TransactionModule;

/**
 * The order expiry sweep, target of an EventBridge Scheduler rate schedule (its input is ignored).
 * The local cloud calls {@link #run()} on its own schedule.
 */
public final class ExpireOrdersHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
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
    return Map.of("expired", run());
  }

  /**
   * Cancels the orders past their deadline and sends their OrderCancelled events; returns how many.
   */
  public int run() {
    return module.outbox().relayingAfter(() -> module.expireOrders().expire());
  }
}
