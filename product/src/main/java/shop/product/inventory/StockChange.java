package shop.product.inventory;

/** The result of setting a product's stock on hand. */
public sealed interface StockChange {
  record Done() implements StockChange {}

  record NoSuchProduct() implements StockChange {}

  /** Orders hold more than the new stock on hand. */
  record BelowReserved(int reserved) implements StockChange {}
}
