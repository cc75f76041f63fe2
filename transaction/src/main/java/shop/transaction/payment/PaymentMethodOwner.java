package shop.transaction.payment;

/**
 * Whose a payment method is, as the provider records it.
 *
 * @param customerId the provider's customer the method is attached to, or null (attached to no one,
 *     or unknown to the provider)
 * @param userId the user that customer was made for (the user service records it on the customer
 *     with our secret key, the only writer), or null when the customer records none or is deleted
 */
public record PaymentMethodOwner(String customerId, String userId) {
  /** A method attached to no customer. */
  public static final PaymentMethodOwner NONE = new PaymentMethodOwner(null, null);
}
