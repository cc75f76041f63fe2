package shop.transaction.api;

import java.util.regex.Pattern;
import shop.platform.auth.Caller;
import shop.platform.http.ProblemException;
import shop.transaction.order.Customer;
import shop.transaction.order.ItemRequest;
import shop.transaction.order.PlaceOrderCommand;
import shop.transaction.order.ShippingAddress;

/** Turns decoded requests and the caller's claims into the use cases' commands. */
final class Commands {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private Commands() {}

  static PlaceOrderCommand placeOrder(Caller caller, String key, PlaceOrderRequest body) {
    var a = body.shippingAddress();
    return new PlaceOrderCommand(
        caller.userId(),
        key,
        customer(caller),
        caller.stripeCustomerId(),
        body.items().stream().map(i -> new ItemRequest(i.productId(), i.quantity())).toList(),
        body.paymentMethodId(),
        new ShippingAddress(a.name(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country()),
        body.expectedTotal());
  }

  /**
   * Who to tell about the order, from the token's claims (SMS only with a phone and the user's
   * consent).
   */
  static Customer customer(Caller caller) {
    if (caller.email() == null || caller.email().isBlank()) {
      throw ProblemException.forbidden("the access token carries no email; sign in again");
    }
    String name = caller.name() == null || caller.name().isBlank() ? caller.email() : caller.name();
    String phone =
        caller.phone() != null && E164.matcher(caller.phone()).matches() ? caller.phone() : null;
    return new Customer(caller.email(), name, phone, phone != null && caller.smsOptIn());
  }
}
