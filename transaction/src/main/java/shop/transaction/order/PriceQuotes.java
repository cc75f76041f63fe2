package shop.transaction.order;

import java.util.List;

/** Product's prices and stock for a checkout: one call for every item. */
public interface PriceQuotes {
  /**
   * One quote per item, in any order; throws {@link PriceQuotesUnavailable} when product cannot
   * answer.
   */
  List<PriceQuote> quote(List<ItemRequest> items);
}
