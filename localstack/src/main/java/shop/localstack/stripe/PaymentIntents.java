package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PaymentIntents: created (and confirmed at once with {@code confirm=true}), retrieved, and
 * authenticated by the customer through the sandbox's admin route. Each test card ends the
 * confirmation as Stripe's does, and every change Stripe announces is published as an event.
 */
final class PaymentIntents {
  /** Stripe's minimum charge per currency, in the smallest unit; any other currency: 1. */
  private static final Map<String, Long> MINIMUM =
      Map.of("usd", 50L, "eur", 50L, "gbp", 30L, "chf", 50L, "cad", 50L, "aud", 50L, "jpy", 50L);

  private static final String AUTHENTICATION_FAILED =
      "The provided PaymentMethod has failed authentication. You can provide payment_method_data"
          + " or a new PaymentMethod to attempt to fulfill this PaymentIntent again.";

  private final Customers customers;
  private final PaymentMethods methods;
  private final Charges charges;
  private final Events events;
  private final Map<String, ObjectNode> byId = new HashMap<>();

  PaymentIntents(Customers customers, PaymentMethods methods, Charges charges, Events events) {
    this.customers = customers;
    this.methods = methods;
    this.charges = charges;
    this.events = events;
  }

  ObjectNode create(Form form, StripeRequest request) {
    long amount = amount(form);
    String currency = currency(form);
    if (amount < MINIMUM.getOrDefault(currency, 1L)) {
      throw StripeFailure.invalid(
          "amount_too_small",
          "Amount must be at least " + MINIMUM.getOrDefault(currency, 1L) + " " + currency,
          "amount");
    }
    String customer = form.get("customer");
    if (customer != null) {
      customers.named(customer, "customer");
    }
    boolean confirm = form.isTrue("confirm");
    String methodId = form.get("payment_method");
    if (confirm && methodId == null) {
      throw StripeFailure.invalid(
          "payment_intent_unexpected_state",
          "You cannot confirm this PaymentIntent because it's missing a payment method.",
          "payment_method");
    }
    ObjectNode method = methodId == null ? null : methods.forPayment(methodId, customer);
    ObjectNode intent = StripeJson.object("pi", "payment_intent");
    intent.put("amount", amount);
    intent.put("amount_capturable", 0);
    intent.put("amount_received", 0);
    intent.put("currency", currency);
    intent.put("capture_method", "automatic");
    intent.put("confirmation_method", "automatic");
    intent.put("client_secret", intent.get("id").asText() + "_secret_" + StripeJson.random(25));
    StripeJson.putOrNull(intent, "customer", customer);
    StripeJson.putOrNull(intent, "description", form.get("description"));
    intent.putNull("last_payment_error");
    intent.putNull("latest_charge");
    intent.set("metadata", StripeJson.metadata(form.hash("metadata")));
    intent.putNull("next_action");
    StripeJson.putOrNull(intent, "payment_method", method == null ? null : id(method));
    intent.putArray("payment_method_types").add("card");
    intent.put("status", method == null ? "requires_payment_method" : "requires_confirmation");
    byId.put(id(intent), intent);
    events.publish("payment_intent.created", intent, request);
    if (confirm) {
      confirm(intent, method, form.isTrue("off_session"), request);
    }
    return intent;
  }

  ObjectNode retrieve(String id) {
    ObjectNode intent = byId.get(id);
    if (intent == null) {
      throw StripeFailure.notFound("payment_intent", id);
    }
    return intent;
  }

  ObjectNode named(String id, String param) {
    ObjectNode intent = byId.get(id);
    if (intent == null) {
      throw StripeFailure.noSuch("payment_intent", id, param);
    }
    return intent;
  }

  /**
   * The customer's part of 3-D Secure, as Stripe.js and the bank would play it: {@code succeeded}
   * pays the intent, otherwise authentication fails. Only an intent waiting for authentication
   * (requires_action, or declined off session with {@code authentication_required}) can be.
   */
  ObjectNode authenticate(String id, boolean succeeded) {
    ObjectNode intent = retrieve(id);
    if (!awaitsAuthentication(intent)) {
      throw new IllegalStateException(
          "payment intent " + id + " is " + intent.get("status").asText() + ", not awaiting 3DS");
    }
    ObjectNode method = methods.retrieve(intent.get("payment_method").asText());
    if (succeeded) {
      succeed(intent, method, null);
    } else {
      ObjectNode error =
          StripeFailure.error(
              "card_error", "payment_intent_authentication_failure", AUTHENTICATION_FAILED, null);
      error.set("payment_method", method.deepCopy());
      intent.set("last_payment_error", error);
      intent.putNull("next_action");
      intent.put("status", "requires_payment_method");
      events.publish("payment_intent.payment_failed", intent, null);
    }
    return intent;
  }

  private static boolean awaitsAuthentication(ObjectNode intent) {
    String status = intent.get("status").asText();
    return status.equals("requires_action")
        || (status.equals("requires_payment_method")
            && "authentication_required"
                .equals(intent.path("last_payment_error").path("code").asText()));
  }

  private void confirm(
      ObjectNode intent, ObjectNode method, boolean offSession, StripeRequest request) {
    TestCard card = PaymentMethods.card(method);
    switch (card.outcome()) {
      case SUCCEEDS -> succeed(intent, method, request);
      case DECLINED ->
          decline(
              intent, method, "card_declined", card.declineCode(), card.declineMessage(), request);
      case AUTHENTICATION_REQUIRED -> {
        if (offSession) {
          // Stripe: an off-session payment that needs authentication fails; the customer must
          // come back and confirm on session with the client secret.
          decline(
              intent,
              method,
              "authentication_required",
              "authentication_required",
              "Your card was declined. This transaction requires authentication.",
              request);
        } else {
          requireAction(intent, request);
        }
      }
    }
  }

  private void succeed(ObjectNode intent, ObjectNode method, StripeRequest request) {
    ObjectNode charge = charges.succeeded(intent, method);
    intent.put("amount_received", intent.get("amount").asLong());
    intent.put("latest_charge", id(charge));
    intent.putNull("last_payment_error");
    intent.putNull("next_action");
    intent.put("status", "succeeded");
    events.publish("charge.succeeded", charge, request);
    events.publish("payment_intent.succeeded", intent, request);
  }

  private void requireAction(ObjectNode intent, StripeRequest request) {
    ObjectNode next = StripeJson.object();
    next.put("type", "use_stripe_sdk");
    ObjectNode sdk = next.putObject("use_stripe_sdk");
    sdk.put("type", "three_d_secure_redirect");
    sdk.put("source", StripeJson.id("src"));
    intent.set("next_action", next);
    intent.put("status", "requires_action");
    events.publish("payment_intent.requires_action", intent, request);
  }

  private void decline(
      ObjectNode intent,
      ObjectNode method,
      String code,
      String declineCode,
      String message,
      StripeRequest request) {
    ObjectNode charge = charges.failed(intent, method, code, message);
    ObjectNode error = StripeFailure.error("card_error", code, message, null);
    error.put("decline_code", declineCode);
    error.put("charge", id(charge));
    error.set("payment_method", method.deepCopy());
    intent.put("latest_charge", id(charge));
    intent.set("last_payment_error", error);
    intent.put("status", "requires_payment_method");
    events.publish("charge.failed", charge, request);
    events.publish("payment_intent.payment_failed", intent, request);
    throw StripeFailure.card(error, intent);
  }

  private static long amount(Form form) {
    String amount = form.get("amount");
    if (amount == null) {
      throw StripeFailure.missingParam("amount");
    }
    try {
      return Long.parseLong(amount);
    } catch (NumberFormatException e) {
      throw StripeFailure.invalid(null, "Invalid integer: " + amount, "amount");
    }
  }

  private static String currency(Form form) {
    String currency = form.get("currency");
    if (currency == null) {
      throw StripeFailure.missingParam("currency");
    }
    if (!currency.matches("[A-Za-z]{3}")) {
      throw StripeFailure.invalid(null, "Invalid currency: " + currency, "currency");
    }
    return currency.toLowerCase(Locale.ROOT);
  }

  private static String id(ObjectNode object) {
    return object.get("id").asText();
  }
}
