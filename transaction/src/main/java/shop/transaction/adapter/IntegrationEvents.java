package shop.transaction.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import shop.events.Customer;
import shop.events.EventEnvelope;
import shop.events.OrderCancelled;
import shop.events.OrderCreated;
import shop.events.OrderLine;
import shop.events.PaymentActionRequired;
import shop.events.PaymentCaptured;
import shop.events.PaymentFailed;
import shop.events.StockLine;
import shop.transaction.order.Changed;
import shop.transaction.order.Order;
import shop.transaction.order.OrderEvent;

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

  private static Customer customer(Order order) {
    var c = order.customer();
    return new Customer(c.email(), c.name(), c.phone(), c.smsOptIn());
  }
}
