package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import shop.platform.outbox.RelaySummary;
import shop.user.UserModule;

/**
 * Sends outbox rows the fast path left behind (the bus was down, the function died after commit)
 * and deletes those sent over a week ago. Runs on a schedule (EventBridge Scheduler in the cloud, a
 * timer in the local cloud).
 */
public final class OutboxSweepHandler implements RequestHandler<ScheduledEvent, String> {
  private static final int MAX_PER_RUN = 500;

  private final UserModule module;

  /** For the Lambda runtime: the module of this cold start. */
  public OutboxSweepHandler() {
    this(UserModule.shared());
  }

  public OutboxSweepHandler(UserModule module) {
    this.module = module;
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    return sweep().toString();
  }

  public RelaySummary sweep() {
    return module.outboxRelay().sweep(MAX_PER_RUN).block(Duration.ofMinutes(1));
  }
}
