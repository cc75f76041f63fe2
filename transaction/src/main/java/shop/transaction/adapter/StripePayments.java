package shop.transaction.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import shop.platform.config.Config;
import shop.platform.config.Lazy;
import shop.platform.config.SecretCache;
import shop.platform.config.SecretShape;
import shop.platform.http.HttpJson;
import shop.transaction.order.Money;
import shop.transaction.payment.ChargeOutcome;
import shop.transaction.payment.ChargeRequest;
import shop.transaction.payment.InvalidPaymentNotice;
import shop.transaction.payment.PaymentGateway;
import shop.transaction.payment.PaymentNotice;
import shop.transaction.payment.PaymentNotices;
import shop.transaction.payment.PaymentUnavailable;
import shop.transaction.payment.ProviderPayment;
import shop.transaction.payment.RefundRequest;

/**
 * Stripe: off-session PaymentIntents created and confirmed in one call, refunds, and signed
 * webhooks. Every call carries our idempotency key, and the client itself never retries: a failed
 * call is retried by redelivering its message (or by the customer), with the same key.
 */
public final class StripePayments implements PaymentGateway, PaymentNotices {
  /** Stripe's advice, and the most a replayed webhook may be late. */
  static final long WEBHOOK_TOLERANCE_SECONDS = 300;

  /** The metadata field each refund carries its idempotency key in, to be found by it later. */
  static final String REFUND_KEY = "refund_key";

  /** Refund states in which no money went back. */
  private static final Set<String> FAILED_REFUNDS = Set.of("failed", "canceled");

  private final Supplier<StripeClient> stripe;
  private final Supplier<String> apiKey;
  private final Supplier<String> webhookSecret;
  private final ObjectMapper json = HttpJson.mapper();

  /**
   * @param apiKey the key of each call and {@code webhookSecret} the secret of each check, read
   *     anew so that rotated values are used without a restart
   */
  public StripePayments(
      Supplier<StripeClient> stripe, Supplier<String> apiKey, Supplier<String> webhookSecret) {
    this.stripe = stripe;
    this.apiKey = apiKey;
    this.webhookSecret = webhookSecret;
  }

  /**
   * From {@code STRIPE_API_KEY} and {@code STRIPE_WEBHOOK_SECRET} (read through {@code secrets},
   * refused unless shaped like a Stripe secret or restricted key and a webhook signing secret),
   * {@code STRIPE_API_BASE} (default https://api.stripe.com; the local cloud's sandbox otherwise)
   * and {@code STRIPE_TIMEOUT} (PT10S). The client is made on first use: functions that never call
   * Stripe (the sweeps) are not given its secret.
   */
  public static StripePayments from(Config config, SecretCache secrets) {
    Supplier<String> apiKey = secrets.live(config, "STRIPE_API_KEY", SecretShape.STRIPE_API_KEY);
    Supplier<String> webhookSecret =
        secrets.live(config, "STRIPE_WEBHOOK_SECRET", SecretShape.STRIPE_WEBHOOK_SECRET);
    Supplier<StripeClient> client =
        Lazy.of(
            () ->
                StripeClient.builder()
                    .setApiKey(apiKey.get())
                    .setApiBase(config.get("STRIPE_API_BASE", "https://api.stripe.com"))
                    .setConnectTimeout(2_000)
                    .setReadTimeout(
                        (int)
                            config.getDuration("STRIPE_TIMEOUT", Duration.ofSeconds(10)).toMillis())
                    .setMaxNetworkRetries(0)
                    .build());
    return new StripePayments(client, apiKey, webhookSecret);
  }

  /** Who owns a payment method, asked with this adapter's client and key. */
  public StripePaymentMethodOwners paymentMethodOwners() {
    return new StripePaymentMethodOwners(stripe, apiKey);
  }

  @Override
  public ChargeOutcome charge(ChargeRequest request) {
    PaymentIntentCreateParams.Builder params =
        PaymentIntentCreateParams.builder()
            .setAmount(request.amount().amount())
            .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
            .setPaymentMethod(request.paymentMethodId())
            .setConfirm(true)
            .setOffSession(true)
            .putMetadata("order_id", request.orderId());
    if (request.customerId() != null) {
      params.setCustomer(request.customerId());
    }
    try {
      PaymentIntent intent =
          stripe
              .get()
              .v1()
              .paymentIntents()
              .create(params.build(), options(request.idempotencyKey()));
      return switch (intent.getStatus()) {
        case "succeeded" -> new ChargeOutcome.Succeeded(intent.getId());
        case "requires_action" ->
            new ChargeOutcome.ActionRequired(intent.getId(), actionUrl(intent));
        case "requires_payment_method", "canceled" ->
            new ChargeOutcome.Declined(intent.getId(), "The payment was not completed.", null);
        // processing, requires_capture, requires_confirmation: not final yet; ask again later.
        default ->
            throw new PaymentUnavailable(
                "payment " + intent.getId() + " is " + intent.getStatus(), null);
      };
    } catch (CardException e) {
      String intentId =
          e.getStripeError() != null && e.getStripeError().getPaymentIntent() != null
              ? e.getStripeError().getPaymentIntent().getId()
              : null;
      if (ProviderPayment.AUTHENTICATION_REQUIRED.equals(e.getCode())) {
        return new ChargeOutcome.ActionRequired(intentId, null);
      }
      return new ChargeOutcome.Declined(intentId, reason(e), e.getDeclineCode());
    } catch (InvalidRequestException e) {
      // The payment method cannot be used (detached, wrong customer): as good as a decline.
      return new ChargeOutcome.Declined(null, reason(e), e.getCode());
    } catch (StripeException e) {
      throw unavailableOrBroken(e);
    }
  }

  @Override
  public long refund(RefundRequest request) {
    try {
      Refund refund =
          stripe
              .get()
              .v1()
              .refunds()
              .create(
                  RefundCreateParams.builder()
                      .setPaymentIntent(request.paymentIntentId())
                      .setAmount(request.amount().amount())
                      .putMetadata("order_id", request.orderId())
                      .putMetadata(REFUND_KEY, request.idempotencyKey())
                      .build(),
                  options(request.idempotencyKey()));
      // Stripe states the amount; should an answer omit it, it is what we asked.
      return refund.getAmount() != null ? refund.getAmount() : request.amount().amount();
    } catch (StripeException e) {
      throw unavailableOrBroken(e);
    }
  }

  @Override
  public boolean hasRefund(String paymentIntentId, String idempotencyKey) {
    try {
      for (Refund refund :
          stripe
              .get()
              .v1()
              .refunds()
              .list(
                  RefundListParams.builder()
                      .setPaymentIntent(paymentIntentId)
                      .setLimit(100L)
                      .build(),
                  RequestOptions.builder().setApiKey(apiKey.get()).build())
              .autoPagingIterable()) {
        if (refund.getMetadata() != null
            && idempotencyKey.equals(refund.getMetadata().get(REFUND_KEY))
            && !FAILED_REFUNDS.contains(refund.getStatus())) {
          return true;
        }
      }
      return false;
    } catch (StripeException e) {
      throw unavailableOrBroken(e);
    }
  }

  @Override
  public PaymentNotice read(String payload, String signature) {
    if (payload == null || signature == null) {
      throw new InvalidPaymentNotice("a signed Stripe event is required", null);
    }
    JsonNode event;
    try {
      event = json.readTree(payload);
    } catch (IOException e) {
      throw new InvalidPaymentNotice("the event is not JSON", e);
    }
    try {
      Webhook.constructEvent(payload, signature, webhookSecret.get(), WEBHOOK_TOLERANCE_SECONDS);
    } catch (SignatureVerificationException e) {
      throw new InvalidPaymentNotice("the Stripe-Signature does not verify", e);
    }
    String id = event.path("id").asText();
    String type = event.path("type").asText();
    JsonNode object = event.path("data").path("object");
    String orderId = object.path("metadata").path("order_id").asText(null);
    return switch (type) {
      case "payment_intent.succeeded" ->
          new PaymentNotice.Succeeded(id, orderId, object.path("id").asText());
      case "payment_intent.payment_failed" -> {
        JsonNode error = object.path("last_payment_error");
        yield new PaymentNotice.Failed(
            id,
            orderId,
            object.path("id").asText(),
            error.path("message").asText("The payment failed."),
            error.path("decline_code").asText(null));
      }
      case "charge.refunded" ->
          new PaymentNotice.Refunded(
              id,
              orderId,
              object.path("payment_intent").asText(null),
              object.path("amount_refunded").asLong());
      default -> new PaymentNotice.Ignored(id, type);
    };
  }

  @Override
  public Optional<ProviderPayment> payment(String paymentIntentId) {
    PaymentIntent intent;
    try {
      intent =
          stripe
              .get()
              .v1()
              .paymentIntents()
              .retrieve(
                  paymentIntentId,
                  PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build(),
                  RequestOptions.builder().setApiKey(apiKey.get()).build());
    } catch (InvalidRequestException e) {
      if ("resource_missing".equals(e.getCode())) {
        return Optional.empty();
      }
      throw unavailableOrBroken(e);
    } catch (StripeException e) {
      throw unavailableOrBroken(e);
    }
    Charge charge = intent.getLatestChargeObject();
    var next = intent.getNextAction();
    return Optional.of(
        new ProviderPayment(
            intent.getId(),
            intent.getMetadata() == null ? null : intent.getMetadata().get("order_id"),
            new Money(intent.getAmount(), intent.getCurrency().toUpperCase(Locale.ROOT)),
            status(intent.getStatus()),
            charge != null && charge.getAmountRefunded() != null ? charge.getAmountRefunded() : 0,
            intent.getClientSecret(),
            next == null
                ? null
                : new ProviderPayment.NextAction(
                    next.getType(),
                    next.getRedirectToUrl() == null ? null : next.getRedirectToUrl().getUrl()),
            intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getCode()));
  }

  private static ProviderPayment.Status status(String stripeStatus) {
    return switch (stripeStatus) {
      case "succeeded" -> ProviderPayment.Status.SUCCEEDED;
      case "requires_action" -> ProviderPayment.Status.REQUIRES_ACTION;
      case "requires_payment_method", "canceled" -> ProviderPayment.Status.FAILED;
      default -> ProviderPayment.Status.PROCESSING;
    };
  }

  private RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder()
        .setApiKey(apiKey.get())
        .setIdempotencyKey(idempotencyKey)
        .build();
  }

  private static String actionUrl(PaymentIntent intent) {
    var next = intent.getNextAction();
    return next != null && next.getRedirectToUrl() != null
        ? next.getRedirectToUrl().getUrl()
        : null;
  }

  private static String reason(StripeException e) {
    String message = e.getStripeError() != null ? e.getStripeError().getMessage() : null;
    return message != null ? message : "The payment was declined.";
  }

  static RuntimeException unavailableOrBroken(StripeException e) {
    if (e instanceof ApiConnectionException
        || e instanceof ApiException
        || e instanceof RateLimitException
        || e instanceof IdempotencyException
        || (e.getStatusCode() != null && e.getStatusCode() >= 500)) {
      return new PaymentUnavailable("Stripe failed: " + e.getMessage(), e);
    }
    // Our own mistake (bad key, bad request): retrying will not help; the message goes to the DLQ.
    return new IllegalStateException("Stripe refused the request: " + e.getMessage(), e);
  }
}
