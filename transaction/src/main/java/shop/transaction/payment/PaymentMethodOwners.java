package shop.transaction.payment;

/** The provider's record of who owns a payment method. */
public interface PaymentMethodOwners {
  /**
   * The owner of {@code paymentMethodId} ({@link PaymentMethodOwner#NONE} when the provider knows
   * no such method); throws {@link PaymentUnavailable} when the provider cannot be asked.
   */
  PaymentMethodOwner owner(String paymentMethodId);
}
