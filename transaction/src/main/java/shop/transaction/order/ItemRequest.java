package shop.transaction.order;

import java.util.Objects;

/** A product and how many of it the customer asks for. */
public record ItemRequest(String productId, int quantity) {
  public ItemRequest {
    Objects.requireNonNull(productId, "productId");
    if (quantity < 1 || quantity > OrderLine.MAX_QUANTITY) {
      throw new IllegalArgumentException("quantity must be 1.." + OrderLine.MAX_QUANTITY);
    }
  }
}
