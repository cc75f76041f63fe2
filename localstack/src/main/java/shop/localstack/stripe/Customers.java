package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** Customers: created, retrieved. */
final class Customers {
  private final Map<String, ObjectNode> byId = new HashMap<>();

  ObjectNode create(Form form) {
    ObjectNode customer = StripeJson.object("cus", "customer");
    StripeJson.putOrNull(customer, "email", form.get("email"));
    StripeJson.putOrNull(customer, "name", form.get("name"));
    StripeJson.putOrNull(customer, "description", form.get("description"));
    customer.set("metadata", StripeJson.metadata(form.hash("metadata")));
    customer.putObject("invoice_settings").putNull("default_payment_method");
    byId.put(customer.get("id").asText(), customer);
    return customer;
  }

  ObjectNode retrieve(String id) {
    ObjectNode customer = byId.get(id);
    if (customer == null) {
      throw StripeFailure.notFound("customer", id);
    }
    return customer;
  }

  /** The customer a parameter names; a 400 when there is none. */
  ObjectNode named(String id, String param) {
    ObjectNode customer = byId.get(id);
    if (customer == null) {
      throw StripeFailure.noSuch("customer", id, param);
    }
    return customer;
  }
}
