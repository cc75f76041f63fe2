package shop.transaction.order;

/** The server's total differs from the one the customer expected: prices changed. */
public final class TotalChanged extends RuntimeException {
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
