package shop.user.payment;

import java.util.UUID;

/**
 * The payment provider's customer vault (port). Failures are {@link
 * shop.platform.domain.RejectedException} (the provider refused) or {@link
 * shop.platform.domain.UnavailableException} (try again).
 */
public interface PaymentGateway {

  /**
   * Creates the provider's customer for the user; idempotent per user, so a retry after a lost
   * answer returns the same customer.
   */
  String createCustomer(UUID userId, String email, String name);

  /**
   * Attaches the payment method to the customer and returns the saved method's id and card details.
   */
  AttachedCard attach(String customerId, String paymentMethodId);

  /** Detaches it from its customer; a payment method that is no longer attached is fine. */
  void detach(String paymentMethodId);

  /**
   * Deletes the provider's customer and with it the cards saved there; one that is already gone is
   * fine.
   */
  void deleteCustomer(String customerId);
}
