package shop.product.catalog;

import shop.platform.domain.Fields;

/**
 * Removes a product from the catalog by archiving it: orders and reservations still refer to it.
 */
public final class ArchiveProduct {
  private final Catalog catalog;

  public ArchiveProduct(Catalog catalog) {
    this.catalog = catalog;
  }

  public void archive(String id) {
    Fields.id("id", id);
    if (!catalog.archive(id)) {
      throw new ProductNotFound(id);
    }
  }
}
