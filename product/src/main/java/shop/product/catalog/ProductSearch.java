package shop.product.catalog;

import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/**
 * The public product search as a customer asks for it; validates itself.
 *
 * @param cursor the opaque {@code nextCursor} of the previous page, or null
 */
public record ProductSearch(
    String categoryId, String text, Long minPrice, Long maxPrice, String cursor, int limit) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public ProductSearch {
    categoryId = categoryId == null ? null : Fields.id("category", categoryId);
    if (text != null) {
      text = text.strip();
      if (text.length() > 100) {
        throw new InvalidFieldException("q", "must be at most 100 characters long");
      }
      text = text.isEmpty() ? null : text;
    }
    if (minPrice != null && minPrice < 0) {
      throw new InvalidFieldException("minPrice", "must be at least 0");
    }
    if (maxPrice != null && maxPrice < 0) {
      throw new InvalidFieldException("maxPrice", "must be at least 0");
    }
    if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
      throw new InvalidFieldException("maxPrice", "must not be below minPrice");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }
}
