package shop.product.inventory;

/** Why one line of an order could not be held. */
public record Rejection(String productId, int requested, int available, Reason reason) {
  /** The reasons of the InventoryRejected event. */
  public enum Reason {
    OUT_OF_STOCK,
    UNKNOWN_PRODUCT,
    ARCHIVED
  }
}
