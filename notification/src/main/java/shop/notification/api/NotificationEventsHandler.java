package shop.notification.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import shop.notification.NotificationModule;

/**
 * The consumer of queue {@code notifications}: every subscribed event becomes one notification
 * ({@link NotificationModule#notificationEvents()}). The platform's consumer does the batch
 * (partial failures, failure records); a send that must be retried fails only its own message.
 */
public final class NotificationEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final NotificationModule module;

  public NotificationEventsHandler() {
    this(NotificationModule.instance());
  }

  public NotificationEventsHandler(NotificationModule module) {
    this.module = module;
    // The module builds the consumer on first use (the API function never does); here, at init,
    // so that the senders are ready and SnapStart primes the consumer before the first batch.
    module.notificationEvents();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    return module.notificationEvents().handle(batch);
  }
}
