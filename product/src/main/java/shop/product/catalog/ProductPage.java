package shop.product.catalog;

import java.util.List;

/**
 * A page of products and the opaque cursor of the next one.
 *
 * @param nextCursor null on the last page
 */
public record ProductPage(List<Product> items, String nextCursor) {
  public ProductPage {
    items = List.copyOf(items);
  }
}
