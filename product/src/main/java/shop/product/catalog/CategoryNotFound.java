package shop.product.catalog;

import shop.platform.domain.NotFoundException;

/** No category with the id. */
final class CategoryNotFound extends NotFoundException {
  CategoryNotFound(String id) {
    super("no category " + id);
  }
}
