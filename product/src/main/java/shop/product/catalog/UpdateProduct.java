package shop.product.catalog;

import java.util.OptionalLong;
import shop.platform.domain.Fields;

/**
 * Edits a product. With an expected version (the {@code If-Match}) a stale edit is refused; without
 * one the edit applies to the version just read, so a concurrent edit is never silently overwritten
 * either.
 */
public final class UpdateProduct {
  private final Catalog catalog;

  public UpdateProduct(Catalog catalog) {
    this.catalog = catalog;
  }

  public Product update(String id, OptionalLong expectedVersion, ProductChanges changes) {
    Fields.id("id", id);
    Product current =
        catalog.product(id).filter(Product::isActive).orElseThrow(() -> new ProductNotFound(id));
    long expected = expectedVersion.orElse(current.version());
    if (expected != current.version()) {
      throw new StaleVersionException(expected, current.version());
    }
    if (changes.categoryIds() != null) {
      CreateProduct.requireCategories(catalog, changes.categoryIds());
    }
    return catalog.update(id, expected, changes).orElseThrow(() -> staleOrGone(id, expected));
  }

  private RuntimeException staleOrGone(String id, long expected) {
    return catalog
        .product(id)
        .filter(Product::isActive)
        .<RuntimeException>map(p -> new StaleVersionException(expected, p.version()))
        .orElseGet(() -> new ProductNotFound(id));
  }
}
