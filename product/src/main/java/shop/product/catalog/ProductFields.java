package shop.product.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/**
 * The checks of a product's own fields (a sku, a price's and a stock's bounds, its categories); the
 * shared ones (ids, text, currencies) are {@link Fields}. Each failure names the field.
 */
public final class ProductFields {
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Most a price may be, in minor units: keeps sums of carts far from overflow. */
  static final long MAX_PRICE = 100_000_000_00L;

  /** Most units of one product on hand. */
  static final int MAX_STOCK = 1_000_000;

  /** Most categories one product is in. */
  static final int MAX_CATEGORIES = 20;

  private ProductFields() {}

  static String sku(String value) {
    if (value == null || !SKU.matcher(value).matches()) {
      throw new InvalidFieldException(
          "sku",
          "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return value;
  }

  static long price(String field, Long value) {
    if (value == null) {
      throw new InvalidFieldException(field, "is required");
    }
    if (value <= 0 || value > MAX_PRICE) {
      throw new InvalidFieldException(
          field, "must be a positive amount in minor units, at most " + MAX_PRICE);
    }
    return value;
  }

  public static int stock(String field, Integer value) {
    if (value == null) {
      throw new InvalidFieldException(field, "is required");
    }
    if (value < 0 || value > MAX_STOCK) {
      throw new InvalidFieldException(field, "must be between 0 and " + MAX_STOCK);
    }
    return value;
  }

  /** Distinct category ids, in the order given. */
  static List<String> categoryIds(Collection<String> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_CATEGORIES) {
      throw new InvalidFieldException(
          "categoryIds", "must list at most " + MAX_CATEGORIES + " categories");
    }
    Set<String> distinct = new LinkedHashSet<>();
    int i = 0;
    for (String value : values) {
      distinct.add(Fields.id("categoryIds[" + i++ + "]", value));
    }
    return List.copyOf(new ArrayList<>(distinct));
  }
}
