package shop.transaction.payment;

/** Product did not answer the price check in time: the checkout cannot go on now. */
public final class PriceQuotesUnavailable extends RuntimeException {
  public PriceQuotesUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
