package shop.product.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The checks commands run in their constructors; each failure names the field. */
public final class Require {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          // ISO 4217's codes for "no currency" and for testing are not money.
          .filter(code -> !code.equals("XXX") && !code.equals("XTS"))
          .collect(Collectors.toUnmodifiableSet());

  /** Most a price may be, in minor units: keeps sums of carts far from overflow. */
  public static final long MAX_PRICE = 100_000_000_00L;

  /** Most units of one product on hand. */
  public static final int MAX_STOCK = 1_000_000;

  private Require() {}

  public static String id(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new InvalidFieldException(field, "must be an id of 1 to 64 letters, digits, - or _");
    }
    return value;
  }

  public static String sku(String value) {
    if (value == null || !SKU.matcher(value).matches()) {
      throw new InvalidFieldException(
          "sku",
          "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return value;
  }

  /** {@code value} stripped, between {@code min} and {@code max} characters. */
  public static String text(String field, String value, int min, int max) {
    if (value == null) {
      throw new InvalidFieldException(field, "is required");
    }
    String stripped = value.strip();
    if (stripped.length() < min || stripped.length() > max) {
      throw new InvalidFieldException(field, "must be " + min + " to " + max + " characters long");
    }
    return stripped;
  }

  public static long price(String field, Long value) {
    if (value == null) {
      throw new InvalidFieldException(field, "is required");
    }
    if (value <= 0 || value > MAX_PRICE) {
      throw new InvalidFieldException(
          field, "must be a positive amount in minor units, at most " + MAX_PRICE);
    }
    return value;
  }

  public static String currency(String value) {
    if (value == null || !CURRENCIES.contains(value)) {
      throw new InvalidFieldException("currency", "must be an ISO 4217 code such as EUR");
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
  public static List<String> categoryIds(Collection<String> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > 20) {
      throw new InvalidFieldException("categoryIds", "must list at most 20 categories");
    }
    Set<String> distinct = new LinkedHashSet<>();
    int i = 0;
    for (String value : values) {
      distinct.add(id("categoryIds[" + i++ + "]", value));
    }
    return List.copyOf(new ArrayList<>(distinct));
  }
}
