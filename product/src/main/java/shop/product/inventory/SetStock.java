package shop.product.inventory;

import shop.platform.domain.ConflictException;
import shop.platform.domain.Fields;
import shop.product.catalog.GetProduct;
import shop.product.catalog.Product;
import shop.product.catalog.ProductFields;
import shop.product.catalog.ProductNotFound;

/** An admin counts the warehouse: sets the stock on hand, never below what orders hold. */
public final class SetStock {
  private final Inventory inventory;
  private final GetProduct getProduct;

  public SetStock(Inventory inventory, GetProduct getProduct) {
    this.inventory = inventory;
    this.getProduct = getProduct;
  }

  public Product set(String productId, Integer onHand) {
    Fields.id("id", productId);
    int stock = ProductFields.stock("stock", onHand);
    getProduct.get(productId);
    switch (inventory.setOnHand(productId, stock)) {
      case StockChange.Done done -> {}
      case StockChange.NoSuchProduct none -> throw new ProductNotFound(productId);
      case StockChange.BelowReserved below ->
          throw new ConflictException(
              "orders hold " + below.reserved() + " units; stock cannot go below that");
    }
    return getProduct.get(productId);
  }
}
