package shop.product.catalog;

import shop.platform.domain.ConflictException;
import shop.platform.domain.Fields;

/** Deletes a category that no active product and no other category refers to. */
public final class DeleteCategory {
  private final Catalog catalog;

  public DeleteCategory(Catalog catalog) {
    this.catalog = catalog;
  }

  public void delete(String id) {
    Fields.id("id", id);
    if (catalog.category(id).isEmpty()) {
      throw new CategoryNotFound(id);
    }
    if (catalog.categoryInUse(id)) {
      throw new ConflictException("category " + id + " still has products or subcategories");
    }
    if (!catalog.deleteCategory(id)) {
      throw new CategoryNotFound(id);
    }
  }
}
