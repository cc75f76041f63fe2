package shop.product.catalog;

import shop.platform.domain.Fields;

/** One product as customers see it: archived products are gone. */
public final class GetProduct {
  private final Catalog catalog;

  public GetProduct(Catalog catalog) {
    this.catalog = catalog;
  }

  public Product get(String id) {
    Fields.id("id", id);
    return catalog.product(id).filter(Product::isActive).orElseThrow(() -> new ProductNotFound(id));
  }
}
