package shop.user.cart;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * After an order is placed, takes what was ordered out of the buyer's cart: each line's quantity is
 * subtracted and a line that reaches zero goes. Idempotent per event, so a redelivered OrderCreated
 * changes nothing.
 */
public final class RemoveOrderedItems {
  private final Carts carts;
  private final Clock clock;

  public RemoveOrderedItems(Carts carts, Clock clock) {
    this.carts = carts;
    this.clock = clock;
  }

  /** False when the event was already handled. */
  public boolean remove(Command command) {
    return carts.removeOrdered(
        command.eventId(), command.userId(), command.ordered(), clock.instant());
  }

  /** What an order took: the consumer maps OrderCreated to this at the edge. */
  public record Command(String eventId, UUID userId, List<CartItem> ordered) {
    public Command {
      java.util.Objects.requireNonNull(eventId, "eventId");
      java.util.Objects.requireNonNull(userId, "userId");
      ordered = List.copyOf(ordered);
    }
  }
}
