package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refunds of a succeeded PaymentIntent's charge, in full or in parts, never beyond what is left.
 */
final class Refunds {
  private final PaymentIntents intents;
  private final Charges charges;
  private final Events events;

  /** In the order they were made: a list answers newest first. */
  private final Map<String, ObjectNode> byId = new LinkedHashMap<>();

  Refunds(PaymentIntents intents, Charges charges, Events events) {
    this.intents = intents;
    this.charges = charges;
    this.events = events;
  }

  ObjectNode create(Form form, StripeRequest request) {
    ObjectNode charge = refundable(form);
    long amount = charge.get("amount").asLong();
    long left = amount - charge.get("amount_refunded").asLong();
    if (left == 0) {
      throw StripeFailure.invalid(
          "charge_already_refunded",
          "Charge " + charge.get("id").asText() + " has already been refunded.",
          null);
    }
    long refunded = form.get("amount") == null ? left : positive(form.get("amount"));
    if (refunded > left) {
      throw StripeFailure.invalid(
          "amount_too_large",
          "Refund amount ("
              + refunded
              + ") is greater than unrefunded amount on charge ("
              + left
              + ")",
          "amount");
    }
    ObjectNode refund = StripeJson.object("re", "refund");
    refund.put("amount", refunded);
    refund.put("charge", charge.get("id").asText());
    refund.put("currency", charge.get("currency").asText());
    refund.set("metadata", StripeJson.metadata(form.hash("metadata")));
    refund.set("payment_intent", charge.get("payment_intent"));
    StripeJson.putOrNull(refund, "reason", form.get("reason"));
    refund.put("status", "succeeded");
    byId.put(refund.get("id").asText(), refund);
    charge.put("amount_refunded", amount - left + refunded);
    charge.put("refunded", refunded == left);
    events.publish("refund.created", refund, request);
    events.publish("charge.refunded", charge, request);
    return refund;
  }

  /**
   * The refunds of one payment intent (or charge), or all, newest first, a page at a time as Stripe
   * lists them ({@code limit} 1-100, default 10; {@code starting_after} the last id seen).
   */
  ObjectNode list(Form form) {
    String intent = form.get("payment_intent");
    String charge = form.get("charge");
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode refund : byId.values()) {
      if ((intent == null || intent.equals(refund.path("payment_intent").asText()))
          && (charge == null || charge.equals(refund.path("charge").asText()))) {
        matching.add(refund);
      }
    }
    Collections.reverse(matching);
    String after = form.get("starting_after");
    int from = 0;
    if (after != null) {
      from = matching.indexOf(retrieve(after)) + 1;
    }
    int limit = limit(form.get("limit"));
    List<ObjectNode> page = matching.subList(from, Math.min(matching.size(), from + limit));
    ObjectNode list = StripeJson.object();
    list.put("object", "list");
    list.putArray("data").addAll(page);
    list.put("has_more", from + page.size() < matching.size());
    list.put("url", "/v1/refunds");
    return list;
  }

  ObjectNode retrieve(String id) {
    ObjectNode refund = byId.get(id);
    if (refund == null) {
      throw StripeFailure.notFound("refund", id);
    }
    return refund;
  }

  /** The succeeded charge that {@code payment_intent} (or {@code charge}) names. */
  private ObjectNode refundable(Form form) {
    String intentId = form.get("payment_intent");
    if (intentId != null) {
      ObjectNode intent = intents.named(intentId, "payment_intent");
      if (!"succeeded".equals(intent.get("status").asText())) {
        throw StripeFailure.invalid(
            null,
            "This PaymentIntent (" + intentId + ") does not have a successful charge to refund.",
            "payment_intent");
      }
      return charges.retrieve(intent.get("latest_charge").asText());
    }
    String chargeId = form.get("charge");
    if (chargeId == null) {
      throw StripeFailure.invalid(
          "parameter_missing",
          "One of the following params should be provided for this request: payment_intent or"
              + " charge.",
          null);
    }
    ObjectNode charge = charges.named(chargeId, "charge");
    if (!"succeeded".equals(charge.get("status").asText())) {
      throw StripeFailure.invalid(
          null, "Charge " + chargeId + " has not succeeded and cannot be refunded.", "charge");
    }
    return charge;
  }

  private static int limit(String value) {
    if (value == null) {
      return 10;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= 100) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw StripeFailure.invalid(null, "Invalid limit: must be an integer from 1 to 100.", "limit");
  }

  private static long positive(String amount) {
    try {
      long value = Long.parseLong(amount);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, as Stripe does for any non-positive integer
    }
    throw StripeFailure.invalid(null, "This value must be greater than or equal to 1.", "amount");
  }
}
