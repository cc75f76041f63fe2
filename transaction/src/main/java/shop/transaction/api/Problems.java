package shop.transaction.api;

import java.util.List;
import shop.platform.http.FieldError;
import shop.platform.http.HttpApi;
import shop.platform.http.Problem;
import shop.platform.http.ProblemException;
import shop.transaction.order.ConcurrentOrderChange;
import shop.transaction.order.IdempotencyKeyReused;
import shop.transaction.order.IllegalTransition;
import shop.transaction.order.ItemsUnavailable;
import shop.transaction.order.MixedCurrencies;
import shop.transaction.order.OrderNotFound;
import shop.transaction.order.TotalChanged;
import shop.transaction.payment.InvalidPaymentNotice;
import shop.transaction.payment.PaymentUnavailable;
import shop.transaction.payment.PriceQuotesUnavailable;

/** How the domain's refusals read as problem+json. */
final class Problems {
  private static final String TYPES = "https://shop.example/problems/";

  private Problems() {}

  static HttpApi.Builder mapDomainExceptions(HttpApi.Builder builder) {
    return builder
        .map(OrderNotFound.class, e -> ProblemException.notFound(e.getMessage()))
        .map(IllegalTransition.class, e -> ProblemException.conflict(e.getMessage()))
        .map(ConcurrentOrderChange.class, e -> ProblemException.conflict(e.getMessage()))
        .map(MixedCurrencies.class, e -> ProblemException.conflict(e.getMessage()))
        .map(IdempotencyKeyReused.class, e -> ProblemException.unprocessable(e.getMessage()))
        .map(ItemsUnavailable.class, Problems::unavailableItems)
        .map(TotalChanged.class, Problems::totalChanged)
        .map(
            PriceQuotesUnavailable.class,
            e -> ProblemException.unavailable("prices cannot be checked right now; try again"))
        .map(
            PaymentUnavailable.class,
            e -> ProblemException.unavailable("the payment provider did not answer; try again"))
        .map(InvalidPaymentNotice.class, e -> ProblemException.badRequest(e.getMessage()));
  }

  private static ProblemException unavailableItems(ItemsUnavailable e) {
    List<FieldError> errors =
        e.items().stream()
            .map(
                i ->
                    new FieldError(
                        "items[" + i.index() + "]",
                        i.productId()
                            + " is "
                            + switch (i.reason()) {
                              case "UNKNOWN" -> "not a product we sell";
                              case "ARCHIVED" -> "no longer sold";
                              default -> "short of stock (" + i.available() + " available)";
                            }))
            .toList();
    return new ProblemException(
        new Problem(
            TYPES + "items-unavailable", "Items unavailable", 409, e.getMessage(), null, errors));
  }

  private static ProblemException totalChanged(TotalChanged e) {
    return new ProblemException(
        new Problem(
            TYPES + "total-changed",
            "Prices changed",
            409,
            e.getMessage(),
            null,
            List.of(
                new FieldError(
                    "expectedTotal",
                    "the total is now " + e.total().amount() + " " + e.total().currency()))));
  }
}
