package shop.transaction.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import shop.events.Customer;
import shop.events.EventEnvelope;
import shop.events.OrderCancelled;
import shop.events.OrderCreated;
import shop.events.OrderDelivered;
import shop.events.OrderLine;
import shop.events.OrderShipped;
import shop.events.PaymentActionRequired;
import shop.events.PaymentCaptured;
import shop.events.PaymentFailed;
import shop.events.RefundIssued;
import shop.events.ReturnReceived;
import shop.events.ReturnRequested;
import shop.events.StockLine;
import shop.transaction.order.Changed;
import shop.transaction.order.Order;
import shop.transaction.order.OrderEvent;
import shop.transaction.order.ProductQuantity;

/**
 * Translates the order's own events into the integration events the other services read, at the
 * edge: each keeps the order's version as its sequence.
 */
final class IntegrationEvents {
  private IntegrationEvents() {}

  /** The integration events of {@code change}, in order, for the outbox. */
  static List<EventEnvelope<?>> of(Changed change) {
    List<EventEnvelope<?>> envelopes = new ArrayList<>();
    for (OrderEvent event : change.events()) {
      of(change.after(), event).ifPresent(envelopes::add);
    }
    return envelopes;
  }

  /** The integration event for {@code event} of {@code order}; none for product's own news. */
  static Optional<EventEnvelope<?>> of(Order order, OrderEvent event) {
    Customer customer = customer(order);
    long amount = order.total().amount();
    String currency = order.total().currency();
    EventEnvelope<?> envelope =
        switch (event) {
          case OrderEvent.Reserved r -> null;
          // Steps of the order's own: in its history, news to no one else.
          case OrderEvent.ShipmentDelivered d -> null;
          case OrderEvent.ReturnDecided d -> null;
          case OrderEvent.RefundStarted r -> null;
          case OrderEvent.RefundFailed f -> null;
          case OrderEvent.Shipped s ->
              EventEnvelope.of(
                  new OrderShipped(
                      order.id(),
                      order.userId(),
                      customer,
                      s.shipment().id(),
                      stock(s.shipment().lines()),
                      s.shipment().carrier(),
                      s.shipment().trackingNumber(),
                      s.shipment().trackingUrl(),
                      s.complete(),
                      s.at()),
                  s.sequence(),
                  s.at());
          case OrderEvent.Delivered d ->
              EventEnvelope.of(
                  new OrderDelivered(order.id(), order.userId(), customer, d.at()),
                  d.sequence(),
                  d.at());
          case OrderEvent.ReturnRequested r ->
              EventEnvelope.of(
                  new ReturnRequested(
                      order.id(),
                      order.userId(),
                      customer,
                      r.orderReturn().id(),
                      stock(r.orderReturn().lines()),
                      r.orderReturn().reason(),
                      r.at()),
                  r.sequence(),
                  r.at());
          case OrderEvent.ReturnReceived r ->
              EventEnvelope.of(
                  new ReturnReceived(
                      order.id(),
                      order.userId(),
                      customer,
                      r.orderReturn().id(),
                      stock(r.orderReturn().lines()),
                      r.at()),
                  r.sequence(),
                  r.at());
          case OrderEvent.RefundIssued r ->
              EventEnvelope.of(
                  new RefundIssued(
                      order.id(),
                      order.userId(),
                      customer,
                      r.refund().id(),
                      r.refund().amount(),
                      currency,
                      r.refund().reason(),
                      stock(r.refund().lines()),
                      r.at()),
                  r.sequence(),
                  r.at());
          case OrderEvent.Placed p ->
              EventEnvelope.of(
                  new OrderCreated(
                      order.id(),
                      order.userId(),
                      customer,
                      order.lines().stream()
                          .map(
                              l ->
                                  new OrderLine(
                                      l.productId(),
                                      l.sku(),
                                      l.name(),
                                      l.quantity(),
                                      l.unitPrice()))
                          .toList(),
                      amount,
                      currency,
                      order.paymentMethodId(),
                      order.stripeCustomerId(),
                      order.createdAt()),
                  p.sequence(),
                  p.at());
          case OrderEvent.PaymentCaptured c ->
              EventEnvelope.of(
                  new PaymentCaptured(
                      order.id(),
                      order.userId(),
                      customer,
                      c.paymentIntentId(),
                      amount,
                      currency,
                      c.at()),
                  c.sequence(),
                  c.at());
          case OrderEvent.PaymentActionRequired a ->
              EventEnvelope.of(
                  new PaymentActionRequired(
                      order.id(),
                      order.userId(),
                      customer,
                      a.paymentIntentId(),
                      a.actionUrl(),
                      amount,
                      currency,
                      a.at()),
                  a.sequence(),
                  a.at());
          case OrderEvent.PaymentFailed f ->
              EventEnvelope.of(
                  new PaymentFailed(
                      order.id(),
                      order.userId(),
                      customer,
                      f.reason() == null ? "The payment failed." : f.reason(),
                      f.declineCode(),
                      amount,
                      currency,
                      f.at()),
                  f.sequence(),
                  f.at());
          case OrderEvent.Cancelled c ->
              EventEnvelope.of(
                  new OrderCancelled(
                      order.id(),
                      order.userId(),
                      customer,
                      c.reason().name(),
                      order.lines().stream()
                          .map(l -> new StockLine(l.productId(), l.quantity()))
                          .toList(),
                      c.refundedAmount(),
                      currency,
                      c.at()),
                  c.sequence(),
                  c.at());
        };
    return Optional.ofNullable(envelope);
  }

  private static List<StockLine> stock(List<ProductQuantity> lines) {
    return lines.stream().map(l -> new StockLine(l.productId(), l.quantity())).toList();
  }

  private static Customer customer(Order order) {
    var c = order.customer();
    return new Customer(c.email(), c.name(), c.phone(), c.smsOptIn());
  }
}
