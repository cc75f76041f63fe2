package shop.product.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.EventType;
import shop.events.OrderCancelled;
import shop.events.OrderCreated;
import shop.events.PaymentCaptured;
import shop.platform.events.EventHandler;
import shop.platform.events.SqsEventConsumer;
import shop.product.ProductModule;
import shop.product.adapter.MongoOutbox;
import shop.product.inventory.Reservation;
import shop.product.inventory.ReservationLine;
import shop.product.inventory.ReserveOrder;

/**
 * Consumes the queue "inventory": OrderCreated reserves stock, PaymentCaptured sells it,
 * OrderCancelled releases it. The events it records are relayed right after the batch (the fast
 * path); what the bus refuses stays in the outbox for the sweep.
 */
public final class InventoryEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  static final String CONSUMER = "inventory";
  private static final Logger log = LoggerFactory.getLogger(InventoryEventsHandler.class);

  private final ProductModule m;

  public InventoryEventsHandler() {
    this(ProductModule.instance());
  }

  public InventoryEventsHandler(ProductModule module) {
    this.m = module;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    // The batch's messages are handled concurrently (SqsEventConsumer).
    List<String> recorded = Collections.synchronizedList(new ArrayList<>());
    EventHandler<OrderCreated> created =
        e -> announce(recorded, m.reserveStock.reserve(reserveOrder(e.data(), e.sequence())));
    EventHandler<OrderCancelled> cancelled = e -> m.releaseStock.release(e.data().orderId());
    EventHandler<PaymentCaptured> captured = e -> m.sellStock.sell(e.data().orderId());
    SQSBatchResponse response =
        new SqsEventConsumer(
                CONSUMER,
                Map.of(
                    EventType.ORDER_CREATED, created,
                    EventType.ORDER_CANCELLED, cancelled,
                    EventType.PAYMENT_CAPTURED, captured),
                m.failures())
            .handle(batch);
    try {
      m.relay().relay(recorded);
    } catch (RuntimeException e) {
      // The events are safe in the outbox; the sweep sends them. The batch itself succeeded.
      log.warn("fast relay of {} events failed; the sweep will send them", recorded.size(), e);
    }
    return response;
  }

  private static ReserveOrder reserveOrder(OrderCreated order, long sequence) {
    return new ReserveOrder(
        order.orderId(),
        order.lines().stream().map(l -> new ReservationLine(l.productId(), l.quantity())).toList(),
        sequence + 1);
  }

  private static void announce(List<String> recorded, Reservation reservation) {
    if (MongoOutbox.announces(reservation)) {
      recorded.add(MongoOutbox.eventId(reservation));
    }
  }
}
