package shop.transaction.order;

import java.util.regex.Pattern;

/** An amount in minor units (cents) of an ISO 4217 currency. Never floating point. */
public record Money(long amount, String currency) {
  private static final Pattern ISO_CURRENCY = Pattern.compile("[A-Z]{3}");

  public Money {
    if (currency == null || !ISO_CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
    }
    if (amount < 0) {
      throw new IllegalArgumentException("amount must not be negative, was " + amount);
    }
  }

  public Money plus(long minorUnits) {
    return new Money(Math.addExact(amount, minorUnits), currency);
  }
}
