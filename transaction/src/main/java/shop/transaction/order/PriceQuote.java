package shop.transaction.order;

/**
 * Product's answer for one requested item.
 *
 * @param availability whether the quantity can be had, or why not
 * @param sku null unless the product is known
 * @param unitPrice minor units of {@code currency}; 0 unless the product is known
 * @param availableStock how many are in stock now
 */
public record PriceQuote(
    String productId,
    Availability availability,
    String sku,
    String name,
    long unitPrice,
    String currency,
    int availableStock) {

  /** Whether the requested quantity can be ordered. */
  public enum Availability {
    AVAILABLE,
    OUT_OF_STOCK,
    UNKNOWN,
    ARCHIVED
  }
}
