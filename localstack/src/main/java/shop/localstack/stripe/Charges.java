package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** Charges: one per payment attempt of a PaymentIntent, carrying the intent's metadata. */
final class Charges {
  private final Map<String, ObjectNode> byId = new HashMap<>();

  ObjectNode succeeded(ObjectNode intent, ObjectNode method) {
    ObjectNode charge = charge(intent, method);
    charge.put("amount_captured", intent.get("amount").asLong());
    charge.put("captured", true);
    charge.put("paid", true);
    charge.put("status", "succeeded");
    charge.putNull("failure_code");
    charge.putNull("failure_message");
    return charge;
  }

  ObjectNode failed(ObjectNode intent, ObjectNode method, String code, String message) {
    ObjectNode charge = charge(intent, method);
    charge.put("amount_captured", 0);
    charge.put("captured", false);
    charge.put("paid", false);
    charge.put("status", "failed");
    charge.put("failure_code", code);
    charge.put("failure_message", message);
    return charge;
  }

  ObjectNode retrieve(String id) {
    ObjectNode charge = byId.get(id);
    if (charge == null) {
      throw StripeFailure.notFound("charge", id);
    }
    return charge;
  }

  ObjectNode named(String id, String param) {
    ObjectNode charge = byId.get(id);
    if (charge == null) {
      throw StripeFailure.noSuch("charge", id, param);
    }
    return charge;
  }

  private ObjectNode charge(ObjectNode intent, ObjectNode method) {
    ObjectNode charge = StripeJson.object("ch", "charge");
    charge.put("amount", intent.get("amount").asLong());
    charge.put("amount_refunded", 0);
    charge.put("currency", intent.get("currency").asText());
    charge.set("customer", intent.get("customer"));
    charge.set("description", intent.get("description"));
    charge.set("metadata", intent.get("metadata").deepCopy());
    charge.put("payment_intent", intent.get("id").asText());
    charge.put("payment_method", method.get("id").asText());
    ObjectNode details = charge.putObject("payment_method_details");
    details.put("type", "card");
    details.set("card", method.get("card").deepCopy());
    charge.put("refunded", false);
    byId.put(charge.get("id").asText(), charge);
    return charge;
  }
}
