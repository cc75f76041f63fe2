package shop.transaction.order;

import java.util.Objects;

/**
 * Who to tell about an order, as the customer's token named them at checkout.
 *
 * @param phone E.164, or null
 */
public record Customer(String email, String name, String phone, boolean smsOptIn) {
  /** Who an order names once its customer erased their account. */
  public static final Customer ERASED =
      new Customer("erased@invalid", "Erased customer", null, false);

  public Customer {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
  }
}
