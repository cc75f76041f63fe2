package shop.transaction.api;

import java.util.List;
import shop.platform.http.FieldError;
import shop.platform.http.HttpApi;
import shop.platform.http.Problem;
import shop.platform.http.ProblemException;
import shop.transaction.order.InvalidCarrierNotice;
import shop.transaction.order.ItemsUnavailable;
import shop.transaction.order.TotalChanged;
import shop.transaction.payment.InvalidPaymentNotice;

/** The domain's refusals whose problem+json says more than status and message. */
final class Problems {
  private static final String TYPES = "https://shop.example/problems/";

  private Problems() {}

  /**
   * The failures whose answer says more than the shared kernel's (each unavailable item, the new
   * total), and the webhook's refusal, a 400 that names no field. Every other failure extends a
   * kernel failure that {@code HttpApi} answers.
   */
  static HttpApi.Builder map(HttpApi.Builder builder) {
    return builder
        .map(ItemsUnavailable.class, Problems::unavailableItems)
        .map(TotalChanged.class, Problems::totalChanged)
        .map(InvalidPaymentNotice.class, e -> ProblemException.badRequest(e.getMessage()))
        .map(InvalidCarrierNotice.class, e -> ProblemException.badRequest(e.getMessage()));
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
                              // Never how many: a stock count tells competitors and
                              // hoarders what a shop holds.
                              default -> "short of stock for the quantity asked";
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
