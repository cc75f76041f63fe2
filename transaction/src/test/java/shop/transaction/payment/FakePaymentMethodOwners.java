package shop.transaction.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The provider's owners of payment methods, as the test sets them; remembers what was asked. */
final class FakePaymentMethodOwners implements PaymentMethodOwners {
  final Map<String, PaymentMethodOwner> owners = new HashMap<>();
  final List<String> asked = new ArrayList<>();
  boolean down;

  @Override
  public PaymentMethodOwner owner(String paymentMethodId) {
    asked.add(paymentMethodId);
    if (down) {
      throw new PaymentUnavailable("Stripe 500", null);
    }
    return owners.getOrDefault(paymentMethodId, PaymentMethodOwner.NONE);
  }
}
