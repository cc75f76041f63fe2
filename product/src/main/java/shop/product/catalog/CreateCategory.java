package shop.product.catalog;

import shop.platform.domain.InvalidFieldException;

/** Adds a category, under an existing parent or at the top level. */
public final class CreateCategory {
  private final Catalog catalog;

  public CreateCategory(Catalog catalog) {
    this.catalog = catalog;
  }

  public Category create(NewCategory category) {
    if (category.parentId() != null && catalog.category(category.parentId()).isEmpty()) {
      throw new InvalidFieldException("parentId", "names no category");
    }
    return catalog.insertCategory(category);
  }
}
