package shop.transaction.order;

import shop.platform.domain.UnavailableException;

/**
 * Product did not answer the price check in time: the checkout cannot go on now (a 503). The client
 * reads only that it may try again; {@link #reason()} says what went wrong, for the logs.
 */
public final class PriceQuotesUnavailable extends UnavailableException {
  public PriceQuotesUnavailable(String reason, Throwable cause) {
    super("prices cannot be checked right now; try again", reason, cause);
  }
}
