package shop.transaction.order;

/**
 * A message a consumer must act on once only (an SQS event, a Stripe webhook): recorded in the same
 * transaction as its effect.
 *
 * @param consumer who handled it, e.g. {@code payments}
 * @param messageId the CloudEvent id or the Stripe event id
 */
public record HandledMessage(String consumer, String messageId) {}
