package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import shop.transaction.TransactionModule;

/**
 * The "payments" queue: InventoryReserved captures the payment, InventoryRejected cancels the
 * order. Failed messages come back as batch item failures and are delivered again.
 */
public final class PaymentEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final TransactionModule module;

  /** For the Lambda runtime. */
  public PaymentEventsHandler() {
    this(TransactionModule.instance());
  }

  public PaymentEventsHandler(TransactionModule module) {
    this.module = module;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    return module.paymentEvents().handle(batch);
  }
}
