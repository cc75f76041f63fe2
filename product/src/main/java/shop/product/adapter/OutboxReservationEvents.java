package shop.product.adapter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.InventoryRejected;
import shop.events.InventoryReserved;
import shop.events.ShopEvent;
import shop.events.StockLine;
import shop.platform.outbox.MongoOutboxStore;
import shop.product.inventory.Reservation;
import shop.product.inventory.ReservationEvents;

/**
 * Records a decided reservation's InventoryReserved or InventoryRejected in the MongoDB outbox,
 * after the decision is stored and before the message that caused it is acknowledged. The event id
 * follows from the order id and the outcome, so a redelivery that records it again changes nothing
 * and a retried publish is the same event.
 */
public final class OutboxReservationEvents implements ReservationEvents {
  private final MongoOutboxStore outbox;

  public OutboxReservationEvents(MongoOutboxStore outbox) {
    this.outbox = outbox;
  }

  @Override
  public void record(Reservation decided) {
    outbox.append(envelope(decided));
  }

  static EventEnvelope<ShopEvent> envelope(Reservation r) {
    ShopEvent data =
        switch (r.state()) {
          case RESERVED ->
              new InventoryReserved(
                  r.orderId(),
                  r.lines().stream().map(l -> new StockLine(l.productId(), l.quantity())).toList(),
                  r.decidedAt());
          case REJECTED ->
              new InventoryRejected(
                  r.orderId(),
                  r.rejections().stream()
                      .map(
                          x ->
                              new InventoryRejected.Rejection(
                                  x.productId(), x.requested(), x.available(), x.reason().name()))
                      .toList(),
                  r.decidedAt());
          default ->
              throw new IllegalArgumentException(
                  "a " + r.state() + " reservation announces nothing");
        };
    return new EventEnvelope<>(
        eventId(r), EventType.of(data), r.orderId(), r.sequence(), r.decidedAt(), data);
  }

  /** The CloudEvent id of the event that announces {@code r}'s outcome. */
  static String eventId(Reservation r) {
    String name = "shop.product/" + r.orderId() + "/" + r.state().name();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
