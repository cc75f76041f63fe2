package shop.user.address;

import shop.platform.domain.Fields;

/**
 * The fields of a postal address that a user fills in; validated and trimmed on construction.
 *
 * @param line2 null when absent
 * @param region state, province or county; null when the country has none
 * @param country ISO 3166-1 alpha-2, upper case
 * @param phone E.164 for the courier, or null
 */
public record AddressDetails(
    String recipient,
    String line1,
    String line2,
    String city,
    String region,
    String postalCode,
    String country,
    String phone) {

  public AddressDetails {
    recipient = Fields.text("recipient", recipient, 200);
    line1 = Fields.text("line1", line1, 200);
    line2 = Fields.optionalText("line2", line2, 200);
    city = Fields.text("city", city, 100);
    region = Fields.optionalText("region", region, 100);
    postalCode = Fields.text("postalCode", postalCode, 20);
    country = Fields.country("country", country);
    phone = Fields.phone("phone", phone);
  }
}
