package shop.user.cart;

import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Takes a product out of the cart. */
public final class RemoveCartItem {
  private final Carts carts;

  public RemoveCartItem(Carts carts) {
    this.carts = carts;
  }

  public Cart remove(UUID userId, String productId) {
    if (!carts.remove(userId, CartItem.productId(productId))) {
      throw NotFoundException.of("cart item");
    }
    return carts.get(userId);
  }
}
