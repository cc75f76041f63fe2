package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A refusal in Stripe's shape: the HTTP status and the {@code error} object ({@code type}, {@code
 * code}, {@code decline_code}, {@code message}, {@code param}, and for card errors the {@code
 * payment_intent} and {@code payment_method} involved).
 */
final class StripeFailure extends RuntimeException {
  private final int status;
  private final transient ObjectNode error;

  private StripeFailure(int status, ObjectNode error) {
    super(error.path("message").asText(), null, false, false);
    this.status = status;
    this.error = error;
  }

  int status() {
    return status;
  }

  /** The whole answer: {@code {"error": {...}}}. */
  ObjectNode body() {
    ObjectNode body = StripeJson.object();
    body.set("error", error.deepCopy());
    return body;
  }

  static StripeFailure invalid(String code, String message, String param) {
    return new StripeFailure(400, error("invalid_request_error", code, message, param));
  }

  static StripeFailure missingParam(String param) {
    return invalid("parameter_missing", "Missing required param: " + param + ".", param);
  }

  /** An id in a parameter that names nothing: 400, as Stripe answers it. */
  static StripeFailure noSuch(String resource, String id, String param) {
    return invalid("resource_missing", "No such " + resource + ": '" + id + "'", param);
  }

  /** An id in the path that names nothing: 404. */
  static StripeFailure notFound(String resource, String id) {
    return new StripeFailure(
        404, error("invalid_request_error", "resource_missing", noSuchMessage(resource, id), "id"));
  }

  /** A path Stripe has no route for: 404 without a code. */
  static StripeFailure notFoundUrl(String message) {
    return new StripeFailure(404, error("invalid_request_error", null, message, null));
  }

  static StripeFailure unauthenticated(String message) {
    return new StripeFailure(401, error("invalid_request_error", null, message, null));
  }

  static StripeFailure idempotency(String message) {
    return new StripeFailure(400, error("idempotency_error", null, message, null));
  }

  /** A card error (402) about {@code intent}: the error also carries the intent and the card. */
  static StripeFailure card(ObjectNode lastPaymentError, ObjectNode intent) {
    ObjectNode error = lastPaymentError.deepCopy();
    error.set("payment_intent", intent.deepCopy());
    return new StripeFailure(402, error);
  }

  static ObjectNode error(String type, String code, String message, String param) {
    ObjectNode error = StripeJson.object();
    error.put("type", type);
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    error.put("message", message);
    if (param != null) {
      error.put("param", param);
    }
    return error;
  }

  private static String noSuchMessage(String resource, String id) {
    return "No such " + resource + ": '" + id + "'";
  }
}
