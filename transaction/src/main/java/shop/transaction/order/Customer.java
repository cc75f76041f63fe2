package shop.transaction.order;

import java.util.Objects;

/**
 * Who to tell about an order, as the customer's token named them at checkout.
 *
 * @param phone E.164, or null
 */
public record Customer(String email, String name, String phone, boolean smsOptIn) {
  public Customer {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
  }
}
