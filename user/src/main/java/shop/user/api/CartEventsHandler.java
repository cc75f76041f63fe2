package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import shop.user.UserModule;

/**
 * Consumes the "carts" queue ({@link shop.events.Topology}): an OrderCreated takes the ordered
 * items out of the buyer's cart, once per event ({@link UserModule#cartEvents()}).
 */
public final class CartEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final UserModule module;

  /** For the Lambda runtime: the module of this cold start. */
  public CartEventsHandler() {
    this(UserModule.instance());
  }

  public CartEventsHandler(UserModule module) {
    this.module = module;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    return module.cartEvents().handle(batch);
  }
}
