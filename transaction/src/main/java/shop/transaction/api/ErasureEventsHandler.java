package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import shop.transaction.TransactionModule;

/**
 * The "erasures" queue: a UserDeleted anonymises the customer's orders. Failed messages come back
 * as batch item failures and are delivered again.
 */
public final class ErasureEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final TransactionModule module;

  /** For the Lambda runtime. */
  public ErasureEventsHandler() {
    this(TransactionModule.instance());
  }

  public ErasureEventsHandler(TransactionModule module) {
    this.module = module;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    return module.erasureEvents().handle(batch);
  }
}
