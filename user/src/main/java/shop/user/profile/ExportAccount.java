package shop.user.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.address.Address;
import shop.user.address.Addresses;
import shop.user.cart.Cart;
import shop.user.cart.Carts;
import shop.user.payment.PaymentMethod;
import shop.user.payment.PaymentMethods;

/**
 * Everything the user service keeps about a customer, for the customer: the profile, addresses,
 * saved cards (brand, last four digits and expiry: the service never sees more) and cart. The
 * orders and the messages sent are kept by transaction and notification, each of which already
 * answers the customer about their own ({@code GET /orders}, {@code GET /notifications}): the
 * export names those routes instead of calling them, so that no customer route of one service
 * depends on another being up, and no service reads another's store.
 */
public final class ExportAccount {
  private final Accounts accounts;
  private final Addresses addresses;
  private final PaymentMethods methods;
  private final Carts carts;
  private final Clock clock;

  public ExportAccount(
      Accounts accounts, Addresses addresses, PaymentMethods methods, Carts carts, Clock clock) {
    this.accounts = accounts;
    this.addresses = addresses;
    this.methods = methods;
    this.carts = carts;
    this.clock = clock;
  }

  public AccountExport export(UUID userId) {
    Account account = accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
    return new AccountExport(
        account, addresses.list(userId), methods.list(userId), carts.get(userId), clock.instant());
  }

  /** What the user service holds about one customer, at {@code exportedAt}. */
  public record AccountExport(
      Account account,
      List<Address> addresses,
      List<PaymentMethod> paymentMethods,
      Cart cart,
      Instant exportedAt) {
    public AccountExport {
      addresses = List.copyOf(addresses);
      paymentMethods = List.copyOf(paymentMethods);
    }
  }
}
