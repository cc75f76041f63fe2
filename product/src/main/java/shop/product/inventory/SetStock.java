package shop.product.inventory;

import shop.product.catalog.ConflictException;
import shop.product.catalog.GetProduct;
import shop.product.catalog.NotFoundException;
import shop.product.catalog.Product;
import shop.product.catalog.Require;

/** An admin counts the warehouse: sets the stock on hand, never below what orders hold. */
public final class SetStock {
  private final Inventory inventory;
  private final GetProduct getProduct;

  public SetStock(Inventory inventory, GetProduct getProduct) {
    this.inventory = inventory;
    this.getProduct = getProduct;
  }

  public Product set(String productId, Integer onHand) {
    Require.id("id", productId);
    int stock = Require.stock("stock", onHand);
    getProduct.get(productId);
    switch (inventory.setOnHand(productId, stock)) {
      case StockChange.Done done -> {}
      case StockChange.NoSuchProduct none -> throw NotFoundException.product(productId);
      case StockChange.BelowReserved below ->
          throw new ConflictException(
              "orders hold " + below.reserved() + " units; stock cannot go below that");
    }
    return getProduct.get(productId);
  }
}
