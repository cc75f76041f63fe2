package shop.product.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import shop.platform.domain.InvalidFieldException;

/**
 * The batch price check of checkout: every line of a cart priced and checked for stock with one
 * query, so checkout makes one round trip whatever the cart's size.
 */
public final class QuotePrices {
  /** Most lines per quote (as in the order events). */
  static final int MAX_ITEMS = 100;

  private final Catalog catalog;

  public QuotePrices(Catalog catalog) {
    this.catalog = catalog;
  }

  public List<PriceQuote> quote(List<QuoteItem> items) {
    if (items.isEmpty() || items.size() > MAX_ITEMS) {
      throw new InvalidFieldException("items", "must hold 1 to " + MAX_ITEMS + " items");
    }
    Map<String, Product> found =
        catalog.products(items.stream().map(QuoteItem::productId).distinct().toList()).stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
    return items.stream().map(item -> PriceQuote.of(item, found.get(item.productId()))).toList();
  }
}
