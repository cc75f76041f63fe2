package shop.user.cart;

import java.time.Clock;
import java.util.UUID;
import shop.platform.domain.ConflictException;

/** Sets how many of a product the cart holds. */
public final class PutCartItem {
  private final Carts carts;
  private final Clock clock;

  public PutCartItem(Carts carts, Clock clock) {
    this.carts = carts;
    this.clock = clock;
  }

  public Cart put(UUID userId, CartItem item) {
    Cart cart = carts.get(userId);
    if (!cart.contains(item.productId()) && cart.items().size() >= Cart.MAX_ITEMS) {
      throw new ConflictException("a cart holds at most " + Cart.MAX_ITEMS + " products");
    }
    carts.put(userId, item, clock.instant());
    return carts.get(userId);
  }
}
