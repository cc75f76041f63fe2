package shop.product.catalog;

import java.util.List;

/**
 * A product of the catalog with its stock.
 *
 * @param price unit price in minor units of {@code currency}
 * @param images object keys of the product's images, in display order
 * @param onHand units in the warehouse
 * @param reserved units held for orders that are not paid yet
 * @param version raised by every change an admin makes; the {@code If-Match} of edits
 */
public record Product(
    String id,
    String sku,
    String name,
    String description,
    long price,
    String currency,
    List<String> categoryIds,
    List<String> images,
    int onHand,
    int reserved,
    ProductStatus status,
    long version) {

  public Product {
    categoryIds = List.copyOf(categoryIds);
    images = List.copyOf(images);
  }

  /** Units a customer can still order: on hand minus reserved. */
  public int available() {
    return onHand - reserved;
  }

  public boolean isActive() {
    return status == ProductStatus.ACTIVE;
  }
}
