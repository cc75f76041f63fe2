package shop.user.shared;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks shared by the commands' compact constructors; each failure names the field. */
public final class Fields {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
  private static final Set<String> COUNTRIES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

  private Fields() {}

  /** Trimmed, non-blank text of at most {@code max} characters. */
  public static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, "is required");
    }
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      throw DomainException.invalid(field, "must be at most " + max + " characters");
    }
    return trimmed;
  }

  /** Like {@link #text} but null or blank is allowed and gives null. */
  public static String optionalText(String field, String value, int max) {
    return value == null || value.isBlank() ? null : text(field, value, max);
  }

  /** The address trimmed and lower-cased: one account per mailbox whatever its spelling. */
  public static String email(String field, String value) {
    String email = text(field, value, 254).toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      throw DomainException.invalid(field, "must be an email address");
    }
    return email;
  }

  /** An E.164 number ({@code +447700900123}), or null when absent. */
  public static String phone(String field, String value) {
    if (value == null) {
      return null;
    }
    if (!E164.matcher(value).matches()) {
      throw DomainException.invalid(field, "must be an E.164 phone number like +447700900123");
    }
    return value;
  }

  /** An ISO 3166-1 alpha-2 country code, upper case. */
  public static String country(String field, String value) {
    String code = text(field, value, 2).toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      throw DomainException.invalid(field, "must be an ISO 3166-1 alpha-2 country code");
    }
    return code;
  }
}
