package shop.product.catalog;

/** Deletes a category that no active product and no other category refers to. */
public final class DeleteCategory {
  private final Catalog catalog;

  public DeleteCategory(Catalog catalog) {
    this.catalog = catalog;
  }

  public void delete(String id) {
    Require.id("id", id);
    if (catalog.category(id).isEmpty()) {
      throw NotFoundException.category(id);
    }
    if (catalog.categoryInUse(id)) {
      throw new ConflictException("category " + id + " still has products or subcategories");
    }
    if (!catalog.deleteCategory(id)) {
      throw NotFoundException.category(id);
    }
  }
}
