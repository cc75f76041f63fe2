package shop.transaction.order;

import shop.platform.domain.ConflictException;

/** The server's total differs from the one the customer expected: prices changed. */
public final class TotalChanged extends ConflictException {
  private final Money total;

  public TotalChanged(long expected, Money total) {
    super(
        "prices changed: the total is now "
            + total.amount()
            + " "
            + total.currency()
            + ", not "
            + expected);
    this.total = total;
  }

  public Money total() {
    return total;
  }
}
