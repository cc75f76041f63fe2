package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import shop.transaction.TransactionModule;

/**
 * The sweep of refunds left PENDING, target of an EventBridge Scheduler rate schedule (its input is
 * ignored). The local cloud calls {@link #run()} on its own schedule.
 */
public final class SettleRefundsHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Duration LOCAL_BUDGET = Duration.ofSeconds(30);

  private final TransactionModule module;

  /** For the Lambda runtime. */
  public SettleRefundsHandler() {
    this(TransactionModule.instance());
  }

  public SettleRefundsHandler(TransactionModule module) {
    this.module = module;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return Map.of(
        "settled",
        run(
            Duration.ofMillis(context.getRemainingTimeInMillis())
                .minus(ExpireOrdersHandler.MARGIN)));
  }

  /** As {@link #run(Duration)} with the local cloud's budget (it calls this on its schedule). */
  public int run() {
    return run(LOCAL_BUDGET);
  }

  /**
   * Settles the refunds left pending for at most {@code budget}, and sends the RefundIssued events
   * of those the provider made; returns how many it settled (issued or failed).
   */
  public int run(Duration budget) {
    Instant stopBy = Instant.now().plus(budget);
    return module.outbox().relayingAfter(() -> module.settlePendingRefunds().settle(stopBy));
  }
}
