package shop.ops.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import shop.ops.OpsModule;

/**
 * Consumes the "trail" queue ({@link shop.events.Topology}): every shop event, each one that names
 * an order kept in that order's trail ({@link OpsModule#trailEvents()}).
 */
public final class TrailEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final OpsModule module;

  /** For the Lambda runtime: the module of this cold start. */
  public TrailEventsHandler() {
    this(OpsModule.instance());
  }

  public TrailEventsHandler(OpsModule module) {
    this.module = module;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    return module.trailEvents().handle(batch);
  }
}
