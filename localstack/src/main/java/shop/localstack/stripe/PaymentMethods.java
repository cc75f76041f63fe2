package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PaymentMethods: the test cards' ids make a new PaymentMethod each time they are used (as in
 * Stripe's test mode); one is attached to at most one customer; one used without a customer, or
 * detached, may not be used again.
 */
final class PaymentMethods {
  private static final String SPENT =
      "The provided PaymentMethod was previously used with a PaymentIntent without Customer"
          + " attachment, shared with a connected account without Customer attachment, or was"
          + " detached from a Customer. It may not be used again. To use a PaymentMethod multiple"
          + " times, you must attach it to a Customer first.";

  private final Customers customers;
  private final Map<String, ObjectNode> byId = new HashMap<>();
  private final Set<String> spent = new HashSet<>();

  PaymentMethods(Customers customers) {
    this.customers = customers;
  }

  ObjectNode retrieve(String id) {
    Optional<TestCard> card = TestCard.byToken(id);
    if (card.isPresent()) {
      return keep(card.get().newPaymentMethod());
    }
    ObjectNode method = byId.get(id);
    if (method == null) {
      throw StripeFailure.notFound("PaymentMethod", id);
    }
    return method;
  }

  ObjectNode attach(String id, Form form) {
    String customerId = form.get("customer");
    if (customerId == null) {
      throw StripeFailure.missingParam("customer");
    }
    customers.named(customerId, "customer");
    ObjectNode method = retrieve(id);
    String owner = StripeJson.text(method, "customer");
    if (customerId.equals(owner)) {
      return method;
    }
    if (owner != null) {
      throw StripeFailure.invalid(
          null, "The payment method you provided has already been attached to a customer.", null);
    }
    if (spent.contains(method.get("id").asText())) {
      throw StripeFailure.invalid(null, SPENT, null);
    }
    method.put("customer", customerId);
    return method;
  }

  ObjectNode detach(String id) {
    ObjectNode method = retrieve(id);
    if (method.get("customer").isNull()) {
      throw StripeFailure.invalid(
          null,
          "The payment method you provided is not attached to a customer so detachment is"
              + " impossible.",
          null);
    }
    method.putNull("customer");
    spent.add(id);
    return method;
  }

  /**
   * The PaymentMethod a PaymentIntent names, checked as Stripe checks it: one attached to a
   * customer needs that {@code customer}; one attached to no one may be used once.
   */
  ObjectNode forPayment(String id, String customerId) {
    ObjectNode method =
        TestCard.byToken(id)
            .map(card -> keep(card.newPaymentMethod()))
            .orElseGet(() -> byId.get(id));
    if (method == null) {
      throw StripeFailure.noSuch("PaymentMethod", id, "payment_method");
    }
    String owner = StripeJson.text(method, "customer");
    if (owner != null && customerId == null) {
      throw StripeFailure.invalid(
          null,
          "The provided PaymentMethod ("
              + id
              + ") belongs to the Customer "
              + owner
              + ". Please include the Customer in the `customer` parameter on the PaymentIntent.",
          "customer");
    }
    if (owner != null && !owner.equals(customerId)) {
      throw StripeFailure.invalid(
          null,
          "The customer does not have a payment method with the ID "
              + id
              + ". The payment method must be attached to the customer.",
          "payment_method");
    }
    if (owner == null) {
      String methodId = method.get("id").asText();
      if (!spent.add(methodId)) {
        throw StripeFailure.invalid(null, SPENT, "payment_method");
      }
    }
    return method;
  }

  /** The test card a PaymentMethod was made from. */
  static TestCard card(ObjectNode method) {
    return TestCard.byLast4(method.path("card").path("last4").asText()).orElse(TestCard.VISA);
  }

  private ObjectNode keep(ObjectNode method) {
    byId.put(method.get("id").asText(), method);
    return method;
  }
}
