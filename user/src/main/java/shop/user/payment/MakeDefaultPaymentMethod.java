package shop.user.payment;

import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Makes one of the user's saved cards the default for checkout. */
public final class MakeDefaultPaymentMethod {
  private final PaymentMethods methods;

  public MakeDefaultPaymentMethod(PaymentMethods methods) {
    this.methods = methods;
  }

  public PaymentMethod makeDefault(UUID userId, String id) {
    if (!methods.makeDefault(userId, id)) {
      throw NotFoundException.of("payment method");
    }
    return methods.find(userId, id).orElseThrow(() -> NotFoundException.of("payment method"));
  }
}
