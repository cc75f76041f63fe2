package shop.product.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.product.catalog.InMemoryCatalog;
import shop.product.catalog.NewProduct;
import shop.product.catalog.Product;

class RestockReturnTest {
  private final InMemoryCatalog catalog = new InMemoryCatalog();
  private final InMemoryInventory inventory = new InMemoryInventory(catalog);
  private final RestockReturn restock = new RestockReturn(inventory);

  @Test
  void aReceivedReturnPutsItsUnitsBackOnceHoweverOftenItIsDelivered() {
    Product mug = catalog.insert(new NewProduct("MUG", "Mug", null, 100, "EUR", List.of(), 3));
    var command = new RestockReturn.Command("r1", List.of(new ReservationLine(mug.id(), 2)));

    restock.restock(command);
    restock.restock(command);

    Product after = catalog.product(mug.id()).orElseThrow();
    assertThat(after.onHand()).isEqualTo(5);
    assertThat(after.available()).isEqualTo(5);
  }

  @Test
  void anotherReturnOfTheSameProductCountsAgain() {
    Product mug = catalog.insert(new NewProduct("MUG", "Mug", null, 100, "EUR", List.of(), 3));

    restock.restock(new RestockReturn.Command("r1", List.of(new ReservationLine(mug.id(), 1))));
    restock.restock(new RestockReturn.Command("r2", List.of(new ReservationLine(mug.id(), 1))));

    assertThat(catalog.product(mug.id()).orElseThrow().onHand()).isEqualTo(5);
  }

  @Test
  void aProductThatIsGoneTakesNothingBack() {
    restock.restock(new RestockReturn.Command("r1", List.of(new ReservationLine("gone", 1))));

    assertThat(catalog.product("gone")).isEmpty();
  }
}
