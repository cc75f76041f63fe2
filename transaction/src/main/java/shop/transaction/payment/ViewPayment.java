package shop.transaction.payment;

import shop.transaction.order.Order;
import shop.transaction.order.OrderNotFound;
import shop.transaction.order.OrderRepository;
import shop.transaction.order.OrderStatus;

/**
 * What the customer's client needs to finish a payment their bank wants to authenticate (3-D
 * Secure): the PaymentIntent's client secret and next action, read from the provider while the
 * order waits for them. The client completes it with Stripe.js; the webhook then pays the order.
 */
public final class ViewPayment {
  private final OrderRepository orders;
  private final PaymentGateway gateway;

  public ViewPayment(OrderRepository orders, PaymentGateway gateway) {
    this.orders = orders;
    this.gateway = gateway;
  }

  /**
   * The payment state of {@code orderId} for its owner {@code userId} (anyone else: not found); the
   * client secret only while the order is {@link OrderStatus#PAYMENT_ACTION_REQUIRED}.
   */
  public PaymentState of(String orderId, String userId) {
    Order order =
        orders
            .find(orderId)
            .filter(o -> o.isOwnedBy(userId))
            .orElseThrow(() -> new OrderNotFound(orderId));
    if (order.status() != OrderStatus.PAYMENT_ACTION_REQUIRED || order.paymentIntentId() == null) {
      return new PaymentState(order.status(), null, null);
    }
    ProviderPayment payment =
        gateway
            .payment(order.paymentIntentId())
            .filter(p -> p.mismatchWith(order).isEmpty())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "order " + orderId + "'s payment is unknown to the provider or not its"));
    return new PaymentState(order.status(), payment.clientSecret(), payment.nextAction());
  }

  /**
   * @param clientSecret the PaymentIntent's client secret, or null
   * @param nextAction what the customer must do, or null
   */
  public record PaymentState(
      OrderStatus status, String clientSecret, ProviderPayment.NextAction nextAction) {}
}
