package shop.transaction.order;

import java.util.Objects;

/**
 * Where the order goes.
 *
 * @param line2 optional, may be null
 * @param country ISO 3166-1 alpha-2
 */
public record ShippingAddress(
    String name, String line1, String line2, String city, String postalCode, String country) {
  public ShippingAddress {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(line1, "line1");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(postalCode, "postalCode");
    Objects.requireNonNull(country, "country");
  }
}
