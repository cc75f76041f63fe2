package shop.product.catalog;

import java.util.List;

/** An admin's edit of a product: null fields stay as they are. */
public record ProductChanges(
    String name, String description, Long price, String currency, List<String> categoryIds) {

  public ProductChanges {
    name = name == null ? null : Require.text("name", name, 1, 200);
    description = description == null ? null : Require.text("description", description, 0, 5000);
    price = price == null ? null : Require.price("price", price);
    currency = currency == null ? null : Require.currency(currency);
    categoryIds = categoryIds == null ? null : Require.categoryIds(categoryIds);
    if (name == null
        && description == null
        && price == null
        && currency == null
        && categoryIds == null) {
      throw new InvalidFieldException("body", "names nothing to change");
    }
  }
}
