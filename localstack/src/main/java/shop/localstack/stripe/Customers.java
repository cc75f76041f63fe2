package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Customers: created, retrieved, deleted. As in Stripe, a deleted customer is retrieved as a stub
 * with {@code deleted: true}, cannot be deleted again (404) and cannot be charged or given cards
 * (its payment methods go with it).
 */
final class Customers {
  private final Map<String, ObjectNode> byId = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();

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
    if (deleted.contains(id)) {
      return deletedStub(id);
    }
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

  ObjectNode delete(String id) {
    retrieve(id);
    if (deleted.contains(id)) {
      throw StripeFailure.notFound("customer", id);
    }
    byId.remove(id);
    deleted.add(id);
    return deletedStub(id);
  }

  private static ObjectNode deletedStub(String id) {
    ObjectNode stub = StripeJson.object();
    stub.put("id", id);
    stub.put("object", "customer");
    stub.put("deleted", true);
    return stub;
  }
}
