package shop.product.catalog;

import java.util.List;

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
    sku = Require.sku(sku);
    name = Require.text("name", name, 1, 200);
    description = description == null ? "" : Require.text("description", description, 0, 5000);
    Require.price("price", price);
    currency = Require.currency(currency);
    categoryIds = Require.categoryIds(categoryIds);
    Require.stock("stock", stock);
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
        Require.price("price", price),
        currency,
        categoryIds,
        stock == null ? 0 : stock);
  }
}
