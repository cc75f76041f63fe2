package shop.product.catalog;

import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/** One cart line to price: a product and how many units. */
public record QuoteItem(String productId, int quantity) {
  /** Most units of one product per order line (as in the order events). */
  static final int MAX_QUANTITY = 1000;

  /** Validates with the field path {@code items[index]}. */
  public static QuoteItem of(int index, String productId, Integer quantity) {
    String at = "items[" + index + "]";
    Fields.id(at + ".productId", productId);
    if (quantity == null) {
      throw new InvalidFieldException(at + ".quantity", "is required");
    }
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new InvalidFieldException(at + ".quantity", "must be between 1 and " + MAX_QUANTITY);
    }
    return new QuoteItem(productId, quantity);
  }
}
