package shop.user.cart;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where carts are kept (port). */
public interface Carts {

  /** The user's cart, empty when they have none; items oldest first. */
  Cart get(UUID userId);

  /** Sets the quantity of a product, adding it when absent. */
  void put(UUID userId, CartItem item, Instant now);

  /** False when the product was not in the cart. */
  boolean remove(UUID userId, String productId);

  void clear(UUID userId);

  /**
   * Takes the ordered quantities out of the user's cart, once per {@code eventId}: the event's
   * inbox entry is written in the same transaction. False when the event was handled before.
   */
  boolean removeOrdered(String eventId, UUID userId, List<CartItem> ordered, Instant now);
}
