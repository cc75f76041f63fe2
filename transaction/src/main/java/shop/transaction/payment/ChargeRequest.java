package shop.transaction.payment;

import shop.transaction.order.Money;

/**
 * @param customerId the provider's customer, or null
 * @param idempotencyKey the same for every attempt to charge this order
 */
public record ChargeRequest(
    String orderId,
    Money amount,
    String paymentMethodId,
    String customerId,
    String idempotencyKey) {}
