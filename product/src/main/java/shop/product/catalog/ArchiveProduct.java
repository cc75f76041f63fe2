package shop.product.catalog;

/**
 * Removes a product from the catalog by archiving it: orders and reservations still refer to it.
 */
public final class ArchiveProduct {
  private final Catalog catalog;

  public ArchiveProduct(Catalog catalog) {
    this.catalog = catalog;
  }

  public void archive(String id) {
    Require.id("id", id);
    if (!catalog.archive(id)) {
      throw NotFoundException.product(id);
    }
  }
}
