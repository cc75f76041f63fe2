package shop.user.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.testing.MutableClock;
import shop.user.fakes.InMemoryCarts;

class CartLimitsTest {
  private final InMemoryCarts carts = new InMemoryCarts();
  private final PutCartItem put = new PutCartItem(carts, MutableClock.at("2026-11-24T09:00:00Z"));
  private final UUID ada = UUID.randomUUID();

  @Test
  void aCartHoldsFiftyProductsAndTheirQuantitiesStillChange() {
    IntStream.range(0, Cart.MAX_ITEMS).forEach(i -> put.put(ada, new CartItem("p" + i, 1)));

    assertThatThrownBy(() -> put.put(ada, new CartItem("one-more", 1)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("at most 50 products");
    assertThat(put.put(ada, new CartItem("p0", 99)).items())
        .hasSize(Cart.MAX_ITEMS)
        .contains(new CartItem("p0", 99));
  }

  @Test
  void aQuantityIsOneToNinetyNine() {
    assertThat(new CartItem("mug", 1).quantity()).isEqualTo(1);
    assertThat(new CartItem("mug", 99).quantity()).isEqualTo(99);
  }

  @Test
  void removesOneProductOrEverything() {
    put.put(ada, new CartItem("mug", 2));
    put.put(ada, new CartItem("tee", 1));

    assertThat(new RemoveCartItem(carts).remove(ada, "mug").items())
        .containsExactly(new CartItem("tee", 1));
    new ClearCart(carts).clear(ada);

    assertThat(new ViewCart(carts).view(ada).items()).isEmpty();
  }
}
