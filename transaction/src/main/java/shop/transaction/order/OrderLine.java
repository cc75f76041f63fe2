package shop.transaction.order;

import java.util.Objects;

/** One line of an order as product priced it at checkout; {@code unitPrice} in minor units. */
public record OrderLine(String productId, String sku, String name, int quantity, long unitPrice) {
  public static final int MAX_QUANTITY = 1000;

  public OrderLine {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new IllegalArgumentException("quantity must be 1.." + MAX_QUANTITY);
    }
    if (unitPrice < 1) {
      throw new IllegalArgumentException("unitPrice must be positive");
    }
  }

  public long subtotal() {
    return Math.multiplyExact(unitPrice, (long) quantity);
  }
}
