package shop.transaction.adapter;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.net.RequestOptions;
import java.util.function.Supplier;
import shop.transaction.payment.PaymentMethodOwner;
import shop.transaction.payment.PaymentMethodOwners;

/**
 * Whose a payment method is, read from Stripe: the PaymentMethod names its customer, and the
 * customer's {@code metadata.userId} names the user the user service made it for (StripeCustomers
 * writes it on creation; only our secret key can).
 */
public final class StripePaymentMethodOwners implements PaymentMethodOwners {
  /** The customer metadata field the user service records its user id in. */
  static final String USER_ID = "userId";

  private final Supplier<StripeClient> stripe;
  private final Supplier<String> apiKey;

  StripePaymentMethodOwners(Supplier<StripeClient> stripe, Supplier<String> apiKey) {
    this.stripe = stripe;
    this.apiKey = apiKey;
  }

  @Override
  public PaymentMethodOwner owner(String paymentMethodId) {
    PaymentMethod method;
    try {
      method = stripe.get().v1().paymentMethods().retrieve(paymentMethodId, options());
    } catch (StripeException e) {
      // An unknown method is no one's: charging it is Stripe's to refuse, as before.
      return orMissing(e, PaymentMethodOwner.NONE);
    }
    String customerId = method.getCustomer();
    if (customerId == null) {
      return PaymentMethodOwner.NONE;
    }
    Customer customer;
    try {
      customer = stripe.get().v1().customers().retrieve(customerId, options());
    } catch (StripeException e) {
      return orMissing(e, new PaymentMethodOwner(customerId, null));
    }
    // A deleted customer is answered as a stub without metadata: it is no one's any more.
    boolean deleted = Boolean.TRUE.equals(customer.getDeleted());
    String userId =
        deleted || customer.getMetadata() == null ? null : customer.getMetadata().get(USER_ID);
    return new PaymentMethodOwner(customerId, userId);
  }

  /**
   * {@code missing} when Stripe has no such object; otherwise the failure, for a retry or the DLQ.
   */
  private static PaymentMethodOwner orMissing(StripeException e, PaymentMethodOwner missing) {
    if (e instanceof InvalidRequestException && "resource_missing".equals(e.getCode())) {
      return missing;
    }
    throw StripePayments.unavailableOrBroken(e);
  }

  private RequestOptions options() {
    return RequestOptions.builder().setApiKey(apiKey.get()).build();
  }
}
