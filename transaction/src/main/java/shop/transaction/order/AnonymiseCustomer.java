package shop.transaction.order;

import java.util.Objects;

/**
 * A customer erased their account: their orders stay, for the accounts (what was sold, for how
 * much, paid and refunded how, to which country), but no longer say who the person was or where
 * they live. Idempotent: a repeated event finds nothing left to change.
 */
public final class AnonymiseCustomer {
  private final OrderRepository orders;

  public AnonymiseCustomer(OrderRepository orders) {
    this.orders = Objects.requireNonNull(orders, "orders");
  }

  /** How many orders were anonymised now. */
  public int anonymise(Command command) {
    return orders.anonymiseCustomer(command.userId());
  }

  public record Command(String userId) {
    public Command {
      if (userId == null || userId.isBlank()) {
        throw new IllegalArgumentException("userId is required");
      }
    }
  }
}
