package shop.product.catalog;

import java.util.List;

/** The public catalog: active products, filtered, one keyset page at a time. */
public final class ListProducts {
  private final Catalog catalog;

  public ListProducts(Catalog catalog) {
    this.catalog = catalog;
  }

  public ProductPage list(ProductSearch search) {
    String after = search.cursor() == null ? null : PageCursor.decode(search.cursor());
    List<Product> found =
        catalog.search(
            new ProductQuery(
                search.categoryId(),
                search.text(),
                search.minPrice(),
                search.maxPrice(),
                after,
                search.limit()));
    if (found.size() <= search.limit()) {
      return new ProductPage(found, null);
    }
    List<Product> page = found.subList(0, search.limit());
    return new ProductPage(page, PageCursor.encode(page.get(page.size() - 1).id()));
  }
}
