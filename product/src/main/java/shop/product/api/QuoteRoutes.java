package shop.product.api;

import java.util.ArrayList;
import java.util.List;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.platform.http.ProblemException;
import shop.product.ProductModule;
import shop.product.catalog.QuoteItem;

/**
 * The batch price check checkout calls, signed with IAM by one of the roles the configuration names
 * ({@link PriceQuoteCallers}); a customer's token, or another service's role, does not open it.
 */
final class QuoteRoutes {
  private final ProductModule module;
  private final PriceQuoteCallers callers;

  QuoteRoutes(ProductModule module) {
    this.module = module;
    this.callers = PriceQuoteCallers.of(module.priceQuoteCallers());
  }

  void register(HttpApi.Builder api) {
    api.route("POST /internal/price-quotes", this::quote);
  }

  private HttpResponse quote(HttpRequest r) {
    callers.require(r.iamCaller());
    var body = r.body(ProductRequests.PriceQuotes.class);
    if (body.items() == null) {
      throw ProblemException.invalidField("items", "is required");
    }
    List<QuoteItem> items = new ArrayList<>(body.items().size());
    for (int i = 0; i < body.items().size(); i++) {
      var item = body.items().get(i);
      if (item == null) {
        throw ProblemException.invalidField("items[" + i + "]", "is required");
      }
      items.add(QuoteItem.of(i, item.productId(), item.quantity()));
    }
    return HttpResponse.ok(new ProductViews.Quotes(module.quotePrices().quote(items)));
  }
}
