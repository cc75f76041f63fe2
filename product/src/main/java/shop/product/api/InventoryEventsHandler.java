package shop.product.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import shop.product.ProductModule;

/**
 * Consumes the queue "inventory": OrderCreated reserves stock, PaymentCaptured sells it,
 * OrderCancelled releases it ({@link ProductModule#inventoryEvents}). The events the batch records
 * are relayed before it is acknowledged; what the bus refuses stays in the outbox for the sweep.
 */
public final class InventoryEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final ProductModule module;

  public InventoryEventsHandler() {
    this(ProductModule.instance());
  }

  public InventoryEventsHandler(ProductModule module) {
    this.module = module;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    return module.inventoryEvents().handle(batch);
  }
}
