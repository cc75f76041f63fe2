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
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import shop.platform.config.Config;
import shop.platform.http.HttpJson;
import shop.transaction.payment.ChargeOutcome;
import shop.transaction.payment.ChargeRequest;
import shop.transaction.payment.InvalidPaymentNotice;
import shop.transaction.payment.PaymentGateway;
import shop.transaction.payment.PaymentNotice;
import shop.transaction.payment.PaymentNotices;
import shop.transaction.payment.PaymentUnavailable;
import shop.transaction.payment.RefundRequest;

/**
 * Stripe: off-session PaymentIntents created and confirmed in one call, refunds, and signed
 * webhooks. Every call carries our idempotency key, and the client itself never retries: a failed
 * call is retried by redelivering its message (or by the customer), with the same key.
 */
public final class StripePayments implements PaymentGateway, PaymentNotices {
  /** Stripe's advice, and the most a replayed webhook may be late. */
  static final long WEBHOOK_TOLERANCE_SECONDS = 300;

  private final StripeClient stripe;
  private final String webhookSecret;
  private final ObjectMapper json = HttpJson.mapper();

  public StripePayments(StripeClient stripe, String webhookSecret) {
    this.stripe = stripe;
    this.webhookSecret = webhookSecret;
  }

  /**
   * From {@code STRIPE_API_KEY}, {@code STRIPE_WEBHOOK_SECRET} and {@code STRIPE_API_BASE} (default
   * https://api.stripe.com; the local cloud's sandbox otherwise).
   */
  public static StripePayments from(Config config) {
    StripeClient client =
        StripeClient.builder()
            .setApiKey(config.require("STRIPE_API_KEY"))
            .setApiBase(config.get("STRIPE_API_BASE", "https://api.stripe.com"))
            .setConnectTimeout(2_000)
            .setReadTimeout(
                (int) config.getDuration("STRIPE_TIMEOUT", Duration.ofSeconds(10)).toMillis())
            .setMaxNetworkRetries(0)
            .build();
    return new StripePayments(client, config.require("STRIPE_WEBHOOK_SECRET"));
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
          stripe.v1().paymentIntents().create(params.build(), options(request.idempotencyKey()));
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
      if ("authentication_required".equals(e.getCode())) {
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
              .v1()
              .refunds()
              .create(
                  RefundCreateParams.builder()
                      .setPaymentIntent(request.paymentIntentId())
                      .putMetadata("order_id", request.orderId())
                      .build(),
                  options(request.idempotencyKey()));
      // A full refund: Stripe states the amount; should an answer omit it, it is what we asked.
      return refund.getAmount() != null ? refund.getAmount() : request.amount().amount();
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
      Webhook.constructEvent(payload, signature, webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
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

  private static RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
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

  private static RuntimeException unavailableOrBroken(StripeException e) {
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
