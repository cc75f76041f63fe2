package shop.transaction.payment;

import shop.transaction.order.Money;

/**
 * @param idempotencyKey the same for every attempt to refund this order
 */
public record RefundRequest(
    String orderId, String paymentIntentId, Money amount, String idempotencyKey) {}
