package shop.user.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.address.AddAddress;
import shop.user.address.AddressDetails;
import shop.user.cart.CartItem;
import shop.user.cart.PutCartItem;
import shop.user.fakes.FakeGateway;
import shop.user.fakes.InMemoryAddresses;
import shop.user.fakes.InMemoryCarts;
import shop.user.fakes.InMemoryPaymentMethods;
import shop.user.fakes.InMemoryUserService;
import shop.user.payment.AddPaymentMethod;
import shop.user.payment.Card;
import shop.user.profile.ExportAccount.AccountExport;

class ExportAccountTest {
  private final InMemoryUserService users = new InMemoryUserService();
  private final InMemoryAddresses addresses = new InMemoryAddresses();
  private final InMemoryPaymentMethods methods = new InMemoryPaymentMethods();
  private final InMemoryCarts carts = new InMemoryCarts();
  private final ExportAccount export =
      new ExportAccount(users.accounts, addresses, methods, carts, users.clock);
  private final Account ada = users.registered("ada@example.com");
  private final Account bob = users.registered("bob@example.com");

  @Test
  void holdsTheCustomersOwnProfileAddressesCardsAndCartAtTheTimeOfExport() {
    new AddAddress(addresses, users.clock).add(ada.id(), address("Ada"));
    new AddAddress(addresses, users.clock).add(bob.id(), address("Bob"));
    AddPaymentMethod addCard =
        new AddPaymentMethod(users.accounts, methods, new FakeGateway(), users.clock);
    addCard.add(ada.id(), "pm_ada");
    addCard.add(bob.id(), "pm_bob");
    new PutCartItem(carts, users.clock).put(ada.id(), new CartItem("prod-1", 2));
    new PutCartItem(carts, users.clock).put(bob.id(), new CartItem("prod-2", 1));

    AccountExport exported = export.export(ada.id());

    assertThat(exported.account().id()).isEqualTo(ada.id());
    assertThat(exported.account().email()).isEqualTo("ada@example.com");
    assertThat(exported.addresses())
        .singleElement()
        .satisfies(a -> assertThat(a.details().recipient()).isEqualTo("Ada"));
    assertThat(exported.paymentMethods())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.id()).isEqualTo("pm_ada");
              assertThat(m.card()).isEqualTo(new Card("visa", "4242", 12, 2034));
            });
    assertThat(exported.cart().items()).containsExactly(new CartItem("prod-1", 2));
    assertThat(exported.exportedAt()).isEqualTo(users.clock.instant());
  }

  @Test
  void aCustomerWithNothingSavedExportsEmptyLists() {
    AccountExport exported = export.export(bob.id());

    assertThat(exported.addresses()).isEmpty();
    assertThat(exported.paymentMethods()).isEmpty();
    assertThat(exported.cart().items()).isEmpty();
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThatThrownBy(() -> export.export(UUID.randomUUID()))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.getMessage()).contains("user"));
  }

  private static AddressDetails address(String recipient) {
    return new AddressDetails(recipient, "1 Main St", null, "London", null, "N1 9GU", "GB", null);
  }
}
