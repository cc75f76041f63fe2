package shop.user.payment;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.account.Accounts;

/**
 * Saves a card the client tokenised with Stripe: attaches it to the user's Stripe customer, which
 * is created the first time it is needed.
 */
public final class AddPaymentMethod {
  private static final Pattern STRIPE_ID = Pattern.compile("^pm_[A-Za-z0-9_]{1,250}$");

  private final Accounts accounts;
  private final PaymentMethods methods;
  private final PaymentGateway gateway;
  private final Clock clock;

  public AddPaymentMethod(
      Accounts accounts, PaymentMethods methods, PaymentGateway gateway, Clock clock) {
    this.accounts = accounts;
    this.methods = methods;
    this.gateway = gateway;
    this.clock = clock;
  }

  public PaymentMethod add(UUID userId, String stripePaymentMethodId) {
    if (stripePaymentMethodId == null || !STRIPE_ID.matcher(stripePaymentMethodId).matches()) {
      throw new InvalidFieldException(
          "stripePaymentMethodId", "must be a Stripe payment method id (pm_...)");
    }
    Account account = accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
    String customerId = account.stripeCustomerId();
    if (customerId == null) {
      String created = gateway.createCustomer(userId, account.email(), account.name());
      customerId = accounts.linkStripeCustomer(userId, created);
    }
    AttachedCard attached = gateway.attach(customerId, stripePaymentMethodId);
    return methods.add(userId, attached.paymentMethodId(), attached.card(), clock.instant());
  }
}
