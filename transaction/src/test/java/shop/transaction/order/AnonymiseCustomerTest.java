package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnonymiseCustomerTest {
  private final InMemoryOrders orders = new InMemoryOrders();
  private final AnonymiseCustomer anonymise = new AnonymiseCustomer(orders);

  @Test
  void keepsTheOrdersForTheAccountsWithoutThePerson() {
    Order paid = OrderFixtures.paid();
    orders.put(paid);

    int changed = anonymise.anonymise(new AnonymiseCustomer.Command(OrderFixtures.USER));

    Order kept = orders.find(paid.id()).orElseThrow();
    assertThat(changed).isEqualTo(1);
    assertThat(kept.customer()).isEqualTo(Customer.ERASED);
    assertThat(kept.shippingAddress().line1()).isEqualTo("erased");
    assertThat(kept.shippingAddress().country()).isEqualTo(paid.shippingAddress().country());
    assertThat(kept.total()).isEqualTo(paid.total());
    assertThat(kept.status()).isEqualTo(paid.status());
  }

  @Test
  void aRepeatedErasureChangesNothingMoreAndOtherCustomersNothingAtAll() {
    orders.put(OrderFixtures.paid());
    anonymise.anonymise(new AnonymiseCustomer.Command(OrderFixtures.USER));

    assertThat(anonymise.anonymise(new AnonymiseCustomer.Command(OrderFixtures.USER))).isZero();
    assertThat(anonymise.anonymise(new AnonymiseCustomer.Command("user-2"))).isZero();
  }
}
