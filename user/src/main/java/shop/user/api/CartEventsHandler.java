package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Map;
import java.util.UUID;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.OrderCreated;
import shop.platform.events.EventHandler;
import shop.platform.events.SqsEventConsumer;
import shop.user.UserModule;
import shop.user.cart.CartItem;
import shop.user.cart.RemoveOrderedItems;

/**
 * Consumes the "carts" queue ({@link shop.events.Topology}): an OrderCreated takes the ordered
 * items out of the buyer's cart, once per event (the inbox row is written in the same transaction).
 */
public final class CartEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  public static final String CONSUMER = "carts";

  private final SqsEventConsumer consumer;

  /** For the Lambda runtime: the module of this cold start. */
  public CartEventsHandler() {
    this(UserModule.shared());
  }

  public CartEventsHandler(UserModule module) {
    EventHandler<OrderCreated> orderCreated = event -> removeOrdered(module, event);
    this.consumer =
        new SqsEventConsumer(
            CONSUMER, Map.of(EventType.ORDER_CREATED, orderCreated), module.failureRecorder());
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    return consumer.handle(batch);
  }

  private static void removeOrdered(UserModule module, EventEnvelope<OrderCreated> event) {
    OrderCreated order = event.data();
    // The cart never holds more than MAX_QUANTITY of a product; an order of more empties the line.
    var ordered =
        order.lines().stream()
            .map(l -> new CartItem(l.productId(), Math.min(l.quantity(), CartItem.MAX_QUANTITY)))
            .toList();
    module
        .removeOrderedItems()
        .remove(
            new RemoveOrderedItems.Command(event.id(), UUID.fromString(order.userId()), ordered));
  }
}
