package shop.user.payment;

/**
 * A card attached to a customer at the payment provider.
 *
 * @param paymentMethodId the provider's id of the saved method: the one to charge. Attaching a test
 *     card or a one-time token gives a new id, so it can differ from the id that was attached.
 */
public record AttachedCard(String paymentMethodId, Card card) {}
