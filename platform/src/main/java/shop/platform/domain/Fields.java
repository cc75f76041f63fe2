package shop.platform.domain;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks commands and value objects run in their compact constructors, shared by every service;
 * each failure is an {@link InvalidFieldException} naming the field as the client sent it.
 */
public final class Fields {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
  private static final Set<String> COUNTRIES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          // ISO 4217's codes for "no currency" and for testing are not money.
          .filter(code -> !code.equals("XXX") && !code.equals("XTS"))
          .collect(Collectors.toUnmodifiableSet());

  private Fields() {}

  /** Stripped, non-blank text of at most {@code max} characters. */
  public static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new InvalidFieldException(field, "must be at most " + max + " characters");
    }
    return stripped;
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

  /** Like {@link #text(String, String, int)}, but null or blank is allowed and gives null. */
  public static String optionalText(String field, String value, int max) {
    return value == null || value.isBlank() ? null : text(field, value, max);
  }

  /** An id of 1 to 64 letters, digits, {@code -} or {@code _}. */
  public static String id(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new InvalidFieldException(field, "must be an id of 1 to 64 letters, digits, - or _");
    }
    return value;
  }

  /** The address stripped and lower-cased: one account per mailbox whatever its spelling. */
  public static String email(String field, String value) {
    String email = text(field, value, 254).toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      throw new InvalidFieldException(field, "must be an email address");
    }
    return email;
  }

  /** An E.164 number ({@code +447700900123}), or null when absent. */
  public static String phone(String field, String value) {
    if (value == null) {
      return null;
    }
    if (!E164.matcher(value).matches()) {
      throw new InvalidFieldException(field, "must be an E.164 phone number like +447700900123");
    }
    return value;
  }

  /** An ISO 3166-1 alpha-2 country code, upper case. */
  public static String country(String field, String value) {
    String code = text(field, value, 2).toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      throw new InvalidFieldException(field, "must be an ISO 3166-1 alpha-2 country code");
    }
    return code;
  }

  /** An ISO 4217 currency code of real money, such as EUR. */
  public static String currency(String field, String value) {
    if (value == null || !CURRENCIES.contains(value)) {
      throw new InvalidFieldException(field, "must be an ISO 4217 code such as EUR");
    }
    return value;
  }
}
