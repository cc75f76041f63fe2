package shop.user.cart;

import java.util.UUID;

/** The user's cart. */
public final class ViewCart {
  private final Carts carts;

  public ViewCart(Carts carts) {
    this.carts = carts;
  }

  public Cart view(UUID userId) {
    return carts.get(userId);
  }
}
