package shop.notification.message;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in integer minor units of an ISO 4217 currency (4900 EUR is 49.00 euros, 1200 JPY is
 * 1200 yen). Never floating point.
 */
public record Money(long minorUnits, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    // Fails on a code that is not ISO 4217.
    Currency.getInstance(currency);
  }

  public Money times(int quantity) {
    return new Money(Math.multiplyExact(minorUnits, quantity), currency);
  }

  /** As a customer reads it, with as many decimals as the currency has: €49.00, ¥1,200. */
  public String format(Locale locale) {
    Currency unit = Currency.getInstance(currency);
    int digits = Math.max(0, unit.getDefaultFractionDigits());
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(unit);
    // The amount has exactly the currency's decimals; the minimum also raises the maximum when
    // needed.
    format.setMinimumFractionDigits(digits);
    return format.format(BigDecimal.valueOf(minorUnits, digits));
  }
}
