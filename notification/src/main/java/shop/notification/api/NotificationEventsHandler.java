package shop.notification.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.EnumMap;
import java.util.Map;
import shop.events.EventType;
import shop.events.ShopEvent;
import shop.notification.NotificationModule;
import shop.notification.delivery.NotifyCustomer;
import shop.platform.events.EventHandler;
import shop.platform.events.SqsEventConsumer;

/**
 * The consumer of queue {@code notifications}: every subscribed event becomes one notification. The
 * platform's consumer does the batch (partial failures, failure records); a send that must be
 * retried fails only its own message.
 */
public final class NotificationEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final SqsEventConsumer consumer;

  public NotificationEventsHandler() {
    this(NotificationModule.instance());
  }

  public NotificationEventsHandler(NotificationModule module) {
    NotifyCustomer notifyCustomer = module.notifyCustomer();
    EventNotifications notifications = module.eventNotifications();
    EventHandler<ShopEvent> notify = event -> notifyCustomer.handle(notifications.of(event));
    Map<EventType, EventHandler<?>> handlers = new EnumMap<>(EventType.class);
    NotificationModule.SUBSCRIPTION.events().forEach(type -> handlers.put(type, notify));
    this.consumer =
        new SqsEventConsumer(
            NotificationModule.SUBSCRIPTION.consumer(), handlers, module.failureRecorder());
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    return consumer.handle(batch);
  }
}
