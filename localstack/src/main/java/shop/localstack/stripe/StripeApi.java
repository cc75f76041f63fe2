package shop.localstack.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stripe's API for the objects the shop uses: customers, payment methods, payment intents, charges,
 * refunds, webhook endpoints and events. One call at a time (the sandbox is not a load test), each
 * answered in Stripe's shapes: the object, or {@code {"error": {...}}} with Stripe's status.
 */
final class StripeApi {
  private final Customers customers = new Customers();
  private final PaymentMethods methods = new PaymentMethods(customers);
  private final Charges charges = new Charges();
  private final WebhookEndpoints endpoints = new WebhookEndpoints();
  private final Events events;
  private final PaymentIntents intents;
  private final Refunds refunds;
  private final IdempotencyKeys idempotency = new IdempotencyKeys();

  StripeApi(WebhookSender sender) {
    this.events = new Events(endpoints, sender);
    this.intents = new PaymentIntents(customers, methods, charges, events);
    this.refunds = new Refunds(intents, charges, events);
  }

  synchronized StripeResponse handle(StripeRequest request) {
    try {
      requireTestKey(request.apiKey());
      return idempotency.answer(request, () -> execute(request));
    } catch (StripeFailure failure) {
      return new StripeResponse(failure.status(), failure.body(), false);
    }
  }

  /** The customer's part of 3-D Secure for intent {@code id} (the sandbox's admin route). */
  synchronized ObjectNode authenticate(String id, boolean succeeded) {
    return intents.authenticate(id, succeeded).deepCopy();
  }

  ArrayNode events() {
    return events.list();
  }

  private StripeResponse execute(StripeRequest request) {
    try {
      return new StripeResponse(200, route(request).deepCopy(), false);
    } catch (StripeFailure failure) {
      return new StripeResponse(failure.status(), failure.body(), false);
    }
  }

  /**
   * The intent with {@code latest_charge} as the charge object when asked ({@code
   * expand[]=latest_charge}, as transaction reads a payment back), else as its id.
   */
  private ObjectNode expanded(ObjectNode intent, Form form) {
    JsonNode charge = intent.get("latest_charge");
    if (!form.list("expand").contains("latest_charge") || charge == null || !charge.isTextual()) {
      return intent;
    }
    ObjectNode copy = intent.deepCopy();
    copy.set("latest_charge", charges.retrieve(charge.asText()).deepCopy());
    return copy;
  }

  private ObjectNode route(StripeRequest request) {
    String[] path = request.path().substring(1).split("/");
    String resource = path.length > 1 ? path[1] : "";
    String id = path.length > 2 ? path[2] : null;
    String action = path.length > 3 ? path[3] : null;
    Form form = request.form();
    String route =
        request.method()
            + " "
            + resource
            + (id == null ? "" : " {id}")
            + (action == null ? "" : " " + action)
            + (path.length > 4 ? " ..." : "");
    return switch (route) {
      case "POST customers" -> customers.create(form);
      case "GET customers {id}" -> customers.retrieve(id);
      case "DELETE customers {id}" -> customers.delete(id);
      case "GET payment_methods {id}" -> methods.retrieve(id);
      case "POST payment_methods {id} attach" -> methods.attach(id, form);
      case "POST payment_methods {id} detach" -> methods.detach(id);
      case "POST payment_intents" -> intents.create(form, request);
      case "GET payment_intents {id}" -> expanded(intents.retrieve(id), form);
      case "GET charges {id}" -> charges.retrieve(id);
      case "POST refunds" -> refunds.create(form, request);
      case "GET refunds" -> refunds.list(form);
      case "GET refunds {id}" -> refunds.retrieve(id);
      case "POST webhook_endpoints" -> endpoints.create(form);
      case "GET webhook_endpoints {id}" -> endpoints.retrieve(id);
      case "DELETE webhook_endpoints {id}" -> endpoints.delete(id);
      case "GET events {id}" -> events.retrieve(id);
      default -> throw unrecognised(request);
    };
  }

  private static StripeFailure unrecognised(StripeRequest request) {
    return StripeFailure.notFoundUrl(
        "Unrecognized request URL ("
            + request.method()
            + ": "
            + request.path()
            + "). The local Stripe sandbox answers customers, payment_methods, payment_intents,"
            + " charges, refunds, webhook_endpoints and events only.");
  }

  private static void requireTestKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw StripeFailure.unauthenticated(
          "You did not provide an API key. You need to provide your API key in the Authorization"
              + " header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
    }
    if (!apiKey.startsWith("sk_test_") && !apiKey.startsWith("rk_test_")) {
      throw StripeFailure.unauthenticated("Invalid API Key provided: " + mask(apiKey));
    }
  }

  private static String mask(String apiKey) {
    return apiKey.length() <= 12
        ? "*".repeat(apiKey.length())
        : apiKey.substring(0, 8)
            + "*".repeat(apiKey.length() - 12)
            + apiKey.substring(apiKey.length() - 4);
  }
}
