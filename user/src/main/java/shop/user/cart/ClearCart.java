package shop.user.cart;

import java.util.UUID;

/** Empties the cart. */
public final class ClearCart {
  private final Carts carts;

  public ClearCart(Carts carts) {
    this.carts = carts;
  }

  public void clear(UUID userId) {
    carts.clear(userId);
  }
}
