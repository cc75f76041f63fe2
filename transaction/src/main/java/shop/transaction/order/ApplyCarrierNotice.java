package shop.transaction.order;

import shop.platform.domain.NotFoundException;

/**
 * A carrier's signed webhook: a {@code delivered} notice delivers the parcel it tracks, once per
 * carrier event id; other notices are acknowledged and change nothing.
 */
public final class ApplyCarrierNotice {
  private final CarrierNotices notices;
  private final OrderRepository orders;
  private final DeliverShipment deliver;

  public ApplyCarrierNotice(
      CarrierNotices notices, OrderRepository orders, DeliverShipment deliver) {
    this.notices = notices;
    this.orders = orders;
    this.deliver = deliver;
  }

  public void apply(String body, String signature) {
    CarrierNotice notice = notices.verify(body, signature);
    HandledMessage handled = new HandledMessage(Consumers.CARRIER_WEBHOOKS, notice.eventId());
    if (!CarrierNotice.DELIVERED.equals(notice.type())) {
      orders.markHandled(handled);
      return;
    }
    String orderId =
        orders
            .orderOfTracking(notice.carrier(), notice.trackingNumber())
            .orElseThrow(() -> NotFoundException.of("parcel " + notice.trackingNumber()));
    Order order = orders.find(orderId).orElseThrow();
    Shipment shipment =
        order.fulfilment().shipments().stream()
            .filter(
                s ->
                    s.carrier().equals(notice.carrier())
                        && s.trackingNumber().equals(notice.trackingNumber()))
            .findFirst()
            .orElseThrow();
    deliver.deliver(shipment.id(), handled);
  }
}
