package shop.product.catalog;

import java.util.Set;
import shop.platform.domain.InvalidFieldException;

/** Adds a product to the catalog: its categories must exist and its sku must be free. */
public final class CreateProduct {
  private final Catalog catalog;

  public CreateProduct(Catalog catalog) {
    this.catalog = catalog;
  }

  public Product create(NewProduct product) {
    requireCategories(catalog, product.categoryIds());
    return catalog.insert(product);
  }

  static void requireCategories(Catalog catalog, java.util.List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    Set<String> missing = catalog.missingCategories(ids);
    if (!missing.isEmpty()) {
      throw new InvalidFieldException(
          "categoryIds", "names categories that do not exist: " + String.join(", ", missing));
    }
  }
}
