package shop.product.api;

import java.util.List;
import shop.product.catalog.Product;
import shop.product.catalog.ProductImages;
import shop.product.catalog.ProductPage;

/** The JSON product's routes answer with. */
final class ProductViews {
  private ProductViews() {}

  /**
   * A product as clients see it.
   *
   * @param price minor units of {@code currency}
   * @param stock units that can still be ordered: on hand minus reserved
   */
  record ProductView(
      String id,
      String sku,
      String name,
      String description,
      long price,
      String currency,
      List<String> categoryIds,
      List<Image> images,
      int stock,
      long version) {}

  record Image(String key, String url) {}

  record Page(List<ProductView> items, String nextCursor) {}

  record Quotes(List<shop.product.catalog.PriceQuote> quotes) {}

  static ProductView of(Product p, ProductImages images) {
    return new ProductView(
        p.id(),
        p.sku(),
        p.name(),
        p.description(),
        p.price(),
        p.currency(),
        p.categoryIds(),
        p.images().stream().map(key -> new Image(key, images.url(key))).toList(),
        Math.max(0, p.available()),
        p.version());
  }

  static Page of(ProductPage page, ProductImages images) {
    return new Page(page.items().stream().map(p -> of(p, images)).toList(), page.nextCursor());
  }
}
