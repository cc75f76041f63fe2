package shop.user.cart;

import java.util.List;
import java.util.UUID;

/** A user's shopping cart: products and quantities, no prices (the server prices at checkout). */
public record Cart(UUID userId, List<CartItem> items) {
  public static final int MAX_ITEMS = 50;

  public Cart {
    items = List.copyOf(items);
  }

  public boolean contains(String productId) {
    return items.stream().anyMatch(i -> i.productId().equals(productId));
  }
}
