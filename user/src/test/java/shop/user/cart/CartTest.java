package shop.user.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.platform.testing.MutableClock;
import shop.user.fakes.InMemoryCarts;

class CartTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
  private final InMemoryCarts carts = new InMemoryCarts();
  private final PutCartItem put = new PutCartItem(carts, clock);
  private final RemoveOrderedItems removeOrdered = new RemoveOrderedItems(carts, clock);
  private final UUID ada = UUID.randomUUID();

  @Test
  void anOrderTakesItsQuantitiesOutOfTheCartOncePerEvent() {
    put.put(ada, new CartItem("mug", 3));
    put.put(ada, new CartItem("tee", 1));
    var command =
        new RemoveOrderedItems.Command(
            "event-1", ada, List.of(new CartItem("mug", 2), new CartItem("tee", 1)));

    assertThat(removeOrdered.remove(command)).isTrue();
    assertThat(removeOrdered.remove(command)).isFalse();

    assertThat(carts.get(ada).items()).containsExactly(new CartItem("mug", 1));
  }

  @Test
  void quantitiesAreOneToNinetyNine() {
    assertThatThrownBy(() -> new CartItem("mug", 0)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new CartItem("mug", 100)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new CartItem("../etc", 1))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("productId"));
  }

  @Test
  void removingWhatIsNotInTheCartIsNotFound() {
    assertThatThrownBy(() -> new RemoveCartItem(carts).remove(ada, "mug"))
        .isInstanceOf(NotFoundException.class);
  }
}
