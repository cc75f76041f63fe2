package shop.product.catalog;

/**
 * The server's price and availability of one cart line. For an unknown or archived product only
 * {@code productId}, {@code quantity} and {@code status} are set.
 *
 * @param unitPrice minor units of {@code currency}
 * @param availableStock units that can still be ordered now
 * @param available whether {@code quantity} units can be ordered now
 */
public record PriceQuote(
    String productId,
    int quantity,
    Status status,
    String sku,
    String name,
    Long unitPrice,
    String currency,
    Integer availableStock,
    boolean available) {

  /** Whether the product can be sold at all. */
  public enum Status {
    OK,
    UNKNOWN_PRODUCT,
    ARCHIVED
  }

  static PriceQuote of(QuoteItem item, Product product) {
    if (product == null) {
      return unsellable(item, Status.UNKNOWN_PRODUCT);
    }
    if (!product.isActive()) {
      return unsellable(item, Status.ARCHIVED);
    }
    return new PriceQuote(
        item.productId(),
        item.quantity(),
        Status.OK,
        product.sku(),
        product.name(),
        product.price(),
        product.currency(),
        product.available(),
        product.available() >= item.quantity());
  }

  private static PriceQuote unsellable(QuoteItem item, Status status) {
    return new PriceQuote(
        item.productId(), item.quantity(), status, null, null, null, null, null, false);
  }
}
