package shop.user.fakes;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import shop.user.cart.Cart;
import shop.user.cart.CartItem;
import shop.user.cart.Carts;

/** Carts in maps, with an inbox of handled event ids. */
public final class InMemoryCarts implements Carts {
  private final Map<UUID, Map<String, Integer>> carts = new LinkedHashMap<>();
  private final Set<String> handled = new HashSet<>();

  @Override
  public Cart get(UUID userId) {
    return new Cart(
        userId,
        carts.getOrDefault(userId, Map.of()).entrySet().stream()
            .map(e -> new CartItem(e.getKey(), e.getValue()))
            .toList());
  }

  @Override
  public void put(UUID userId, CartItem item, Instant now) {
    carts
        .computeIfAbsent(userId, k -> new LinkedHashMap<>())
        .put(item.productId(), item.quantity());
  }

  @Override
  public boolean remove(UUID userId, String productId) {
    return carts.getOrDefault(userId, new LinkedHashMap<>()).remove(productId) != null;
  }

  @Override
  public void clear(UUID userId) {
    carts.remove(userId);
  }

  @Override
  public boolean removeOrdered(String eventId, UUID userId, List<CartItem> ordered, Instant now) {
    if (!handled.add(eventId)) {
      return false;
    }
    Map<String, Integer> cart = carts.getOrDefault(userId, new LinkedHashMap<>());
    for (CartItem item : ordered) {
      cart.computeIfPresent(
          item.productId(), (k, q) -> q - item.quantity() > 0 ? q - item.quantity() : null);
    }
    return true;
  }
}
