package shop.user.payment;

import java.util.List;
import java.util.UUID;

/** The user's saved payment methods. */
public final class ListPaymentMethods {
  private final PaymentMethods methods;

  public ListPaymentMethods(PaymentMethods methods) {
    this.methods = methods;
  }

  public List<PaymentMethod> list(UUID userId) {
    return methods.list(userId);
  }
}
