package shop.product.catalog;

import java.util.List;
import shop.platform.domain.Fields;

/** What an admin gives to create a product; validates itself. */
public record NewProduct(
    String sku,
    String name,
    String description,
    long price,
    String currency,
    List<String> categoryIds,
    int stock) {

  public NewProduct {
    sku = ProductFields.sku(sku);
    name = Fields.text("name", name, 1, 200);
    description = description == null ? "" : Fields.text("description", description, 0, 5000);
    ProductFields.price("price", price);
    currency = Fields.currency("currency", currency);
    categoryIds = ProductFields.categoryIds(categoryIds);
    ProductFields.stock("stock", stock);
  }

  /** From a request where numbers may be missing: a missing price is an error, stock is 0. */
  public static NewProduct of(
      String sku,
      String name,
      String description,
      Long price,
      String currency,
      List<String> categoryIds,
      Integer stock) {
    return new NewProduct(
        sku,
        name,
        description,
        ProductFields.price("price", price),
        currency,
        categoryIds,
        stock == null ? 0 : stock);
  }
}
