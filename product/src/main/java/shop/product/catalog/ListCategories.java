package shop.product.catalog;

import java.util.List;

/** Every category with its parent: the tree is small enough to send whole. */
public final class ListCategories {
  private final Catalog catalog;

  public ListCategories(Catalog catalog) {
    this.catalog = catalog;
  }

  public List<Category> list() {
    return catalog.categories();
  }
}
