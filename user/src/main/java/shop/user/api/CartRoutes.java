package shop.user.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.cart.Cart;
import shop.user.cart.CartItem;

/** The caller's cart. */
final class CartRoutes {
  private CartRoutes() {}

  static void register(HttpApi.Builder api, UserModule m) {
    api.route(
        "GET /users/me/cart", req -> HttpResponse.ok(View.of(m.viewCart().view(Callers.id(req)))));
    api.route(
        "PUT /users/me/cart/items/{productId}",
        req -> {
          var userId = Callers.id(req);
          String productId = req.path("productId");
          int quantity = req.body(QuantityRequest.class).quantity();
          return HttpResponse.ok(
              View.of(m.putCartItem().put(userId, new CartItem(productId, quantity))));
        });
    api.route(
        "DELETE /users/me/cart/items/{productId}",
        req ->
            HttpResponse.ok(
                View.of(m.removeCartItem().remove(Callers.id(req), req.path("productId")))));
    api.route(
        "DELETE /users/me/cart",
        req -> {
          m.clearCart().clear(Callers.id(req));
          return HttpResponse.noContent();
        });
  }

  record QuantityRequest(@NotNull @Min(1) @Max(CartItem.MAX_QUANTITY) Integer quantity) {}

  record Item(String productId, int quantity) {}

  record View(List<Item> items, int totalQuantity) {
    static View of(Cart cart) {
      List<Item> items =
          cart.items().stream().map(i -> new Item(i.productId(), i.quantity())).toList();
      return new View(items, items.stream().mapToInt(Item::quantity).sum());
    }
  }
}
