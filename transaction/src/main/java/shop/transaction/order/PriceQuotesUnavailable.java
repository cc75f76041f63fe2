package shop.transaction.order;

import shop.platform.domain.UnavailableException;

/**
 * Product did not answer the price check in time: the checkout cannot go on now (a 503). The client
 * reads only that it may try again; {@link #reason()} says what went wrong, for the logs.
 */
public final class PriceQuotesUnavailable extends UnavailableException {
  private final String reason;

  /**
   * @param reason what went wrong, for operators (the client never sees it)
   */
  public PriceQuotesUnavailable(String reason, Throwable cause) {
    super("prices cannot be checked right now; try again", cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return super.toString() + " (" + reason + ")";
  }
}
