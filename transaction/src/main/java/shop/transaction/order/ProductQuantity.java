package shop.transaction.order;

import java.util.Objects;

/** How many units of one product a parcel, a return or a refund is about. */
public record ProductQuantity(String productId, int quantity) {
  public ProductQuantity {
    Objects.requireNonNull(productId, "productId");
    if (quantity < 1 || quantity > OrderLine.MAX_QUANTITY) {
      throw new IllegalArgumentException("quantity must be 1.." + OrderLine.MAX_QUANTITY);
    }
  }
}
