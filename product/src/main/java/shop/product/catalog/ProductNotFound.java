package shop.product.catalog;

import shop.platform.domain.NotFoundException;

/** No product with the id, or only an archived one: archived products are gone for clients. */
public final class ProductNotFound extends NotFoundException {
  public ProductNotFound(String id) {
    super("no product " + id);
  }
}
