package shop.user.payment;

import java.util.Optional;
import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Makes one of the user's saved cards the default for checkout. */
public final class MakeDefaultPaymentMethod {
  private final PaymentMethods methods;

  public MakeDefaultPaymentMethod(PaymentMethods methods) {
    this.methods = methods;
  }

  public PaymentMethod makeDefault(UUID userId, String id) {
    // One answer for an id that is not the user's and for one removed meanwhile.
    Optional<PaymentMethod> result =
        methods.makeDefault(userId, id) ? methods.find(userId, id) : Optional.empty();
    return result.orElseThrow(() -> NotFoundException.of("payment method"));
  }
}
