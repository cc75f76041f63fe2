package shop.user.payment;

import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Detaches a saved card from Stripe and forgets it. */
public final class RemovePaymentMethod {
  private final PaymentMethods methods;
  private final PaymentGateway gateway;

  public RemovePaymentMethod(PaymentMethods methods, PaymentGateway gateway) {
    this.methods = methods;
    this.gateway = gateway;
  }

  public void remove(UUID userId, String id) {
    PaymentMethod method =
        methods.find(userId, id).orElseThrow(() -> NotFoundException.of("payment method"));
    gateway.detach(method.id());
    methods.delete(userId, method.id());
  }
}
