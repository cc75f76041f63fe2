package shop.user.adapter;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentMethod;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.config.Lazy;
import shop.platform.domain.DomainFailure;
import shop.platform.domain.RejectedException;
import shop.platform.domain.UnavailableException;
import shop.user.payment.AttachedCard;
import shop.user.payment.Card;
import shop.user.payment.PaymentGateway;

/**
 * Stripe customers and their payment methods. Card numbers never reach us (the client tokenises
 * them with Stripe); of what Stripe returns we keep brand, last four digits and expiry only. Writes
 * carry idempotency keys derived from what they act on, so a retried request does not make a second
 * customer.
 */
public final class StripeCustomers implements PaymentGateway {
  private static final Logger LOG = LoggerFactory.getLogger(StripeCustomers.class);

  private final Supplier<StripeClient> stripe;
  private final Supplier<String> apiKey;

  /**
   * @param apiKey the key of each call, read anew so that a rotated key is used without a restart
   */
  public StripeCustomers(Supplier<StripeClient> stripe, Supplier<String> apiKey) {
    this.stripe = stripe;
    this.apiKey = apiKey;
  }

  /**
   * A client for {@code apiKey} talking to {@code apiBase} (Stripe, or a sandbox), made on first
   * use: of the service's functions only the API calls Stripe, and only it is given the key.
   */
  public static StripeCustomers create(Supplier<String> apiKey, String apiBase) {
    return new StripeCustomers(
        Lazy.of(
            () ->
                StripeClient.builder()
                    .setApiKey(apiKey.get())
                    .setApiBase(apiBase)
                    .setMaxNetworkRetries(2)
                    .setConnectTimeout(5_000)
                    .setReadTimeout(10_000)
                    .build()),
        apiKey);
  }

  @Override
  public String createCustomer(UUID userId, String email, String name) {
    try {
      return stripe
          .get()
          .v1()
          .customers()
          .create(
              CustomerCreateParams.builder()
                  .setEmail(email)
                  .setName(name)
                  .putMetadata("userId", userId.toString())
                  .build(),
              idempotent("customer-" + userId))
          .getId();
    } catch (StripeException e) {
      throw translate("creating the customer", e);
    }
  }

  @Override
  public AttachedCard attach(String customerId, String paymentMethodId) {
    PaymentMethod method;
    try {
      method =
          stripe
              .get()
              .v1()
              .paymentMethods()
              .attach(
                  paymentMethodId,
                  PaymentMethodAttachParams.builder().setCustomer(customerId).build(),
                  idempotent("attach-" + customerId + "-" + paymentMethodId));
    } catch (StripeException e) {
      throw translate("attaching the payment method", e);
    }
    PaymentMethod.Card card = method.getCard();
    if (card == null || card.getLast4() == null || card.getExpMonth() == null) {
      throw new RejectedException("only cards can be saved");
    }
    return new AttachedCard(
        method.getId(),
        new Card(
            card.getBrand(),
            card.getLast4(),
            card.getExpMonth().intValue(),
            card.getExpYear().intValue()));
  }

  @Override
  public void detach(String paymentMethodId) {
    try {
      stripe
          .get()
          .v1()
          .paymentMethods()
          .detach(paymentMethodId, idempotent("detach-" + paymentMethodId));
    } catch (InvalidRequestException e) {
      // Already detached (or gone) at Stripe: what we wanted.
      LOG.info("Stripe says payment method is not attached ({}); forgetting it", e.getCode());
    } catch (StripeException e) {
      throw translate("detaching the payment method", e);
    }
  }

  // Stripe ignores idempotency keys on DELETE; deleting twice is harmless (404 the second time).
  @Override
  public void deleteCustomer(String customerId) {
    try {
      stripe
          .get()
          .v1()
          .customers()
          .delete(customerId, RequestOptions.builder().setApiKey(apiKey.get()).build());
    } catch (InvalidRequestException e) {
      if (e.getStatusCode() == null || e.getStatusCode() != 404) {
        throw translate("deleting the customer", e);
      }
      LOG.info("Stripe has no customer {} (deleted before); nothing to delete", customerId);
    } catch (StripeException e) {
      throw translate("deleting the customer", e);
    }
  }

  private RequestOptions idempotent(String key) {
    return RequestOptions.builder().setApiKey(apiKey.get()).setIdempotencyKey(key).build();
  }

  private static DomainFailure translate(String action, StripeException e) {
    Integer status = e.getStatusCode();
    if (e instanceof CardException || e instanceof InvalidRequestException) {
      return new RejectedException(
          "Stripe refused " + action + (e.getCode() == null ? "" : ": " + e.getCode()));
    }
    if (e instanceof ApiConnectionException || status == null || status >= 500 || status == 429) {
      LOG.warn(
          "Stripe failed {}: {} (request {})",
          action,
          e.getClass().getSimpleName(),
          e.getRequestId());
      return new UnavailableException("the payment provider is not reachable right now", e);
    }
    LOG.error(
        "Stripe failed {}: {} status {} (request {})",
        action,
        e.getClass().getSimpleName(),
        status,
        e.getRequestId());
    return new UnavailableException("the payment provider failed", e);
  }
}
