package shop.user.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.cart.Cart;
import shop.user.cart.CartItem;

/** The caller's cart. */
final class CartRoutes {
  private final UserModule m;

  CartRoutes(UserModule module) {
    this.m = module;
  }

  void register(HttpApi.Builder api) {
    api.route("GET /users/me/cart", this::view)
        .route("PUT /users/me/cart/items/{productId}", this::put)
        .route("DELETE /users/me/cart/items/{productId}", this::remove)
        .route("DELETE /users/me/cart", this::clear);
  }

  private HttpResponse view(HttpRequest req) {
    return HttpResponse.ok(View.of(m.viewCart().view(Callers.id(req))));
  }

  private HttpResponse put(HttpRequest req) {
    var userId = Callers.id(req);
    String productId = req.path("productId");
    int quantity = req.body(QuantityRequest.class).quantity();
    return HttpResponse.ok(View.of(m.putCartItem().put(userId, new CartItem(productId, quantity))));
  }

  private HttpResponse remove(HttpRequest req) {
    return HttpResponse.ok(
        View.of(m.removeCartItem().remove(Callers.id(req), req.path("productId"))));
  }

  private HttpResponse clear(HttpRequest req) {
    m.clearCart().clear(Callers.id(req));
    return HttpResponse.noContent();
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
