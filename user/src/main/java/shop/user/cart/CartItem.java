package shop.user.cart;

import java.util.regex.Pattern;
import shop.platform.domain.InvalidFieldException;

/** A product and how many of it; quantity 1 to {@link #MAX_QUANTITY}. */
public record CartItem(String productId, int quantity) {
  public static final int MAX_QUANTITY = 99;
  private static final Pattern PRODUCT_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

  public CartItem {
    productId = productId(productId);
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new InvalidFieldException("quantity", "must be between 1 and " + MAX_QUANTITY);
    }
  }

  static String productId(String productId) {
    if (productId == null || !PRODUCT_ID.matcher(productId).matches()) {
      throw new InvalidFieldException("productId", "must be a product id");
    }
    return productId;
  }
}
