package shop.product.inventory;

/** Units of one product an order holds. */
public record ReservationLine(String productId, int quantity) {
  public ReservationLine {
    if (productId == null || productId.isBlank()) {
      throw new IllegalArgumentException("a reservation line needs a product id");
    }
    if (quantity < 1) {
      throw new IllegalArgumentException("a reservation line needs a positive quantity");
    }
  }
}
