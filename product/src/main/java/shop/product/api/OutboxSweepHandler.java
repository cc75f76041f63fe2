package shop.product.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import shop.product.ProductModule;

/**
 * Run by a schedule (every minute): sends the outbox entries the fast path could not, and tidies
 * settled holds.
 */
public final class OutboxSweepHandler
    implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
  /** Most entries one run sends; the next run takes the rest. */
  static final int MAX_PER_RUN = 500;

  private final ProductModule module;

  public OutboxSweepHandler() {
    this(ProductModule.instance());
  }

  public OutboxSweepHandler(ProductModule module) {
    this.module = module;
  }

  @Override
  public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
    return module.sweepOutbox(MAX_PER_RUN).toMap();
  }
}
