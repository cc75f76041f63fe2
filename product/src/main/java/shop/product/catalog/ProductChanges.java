package shop.product.catalog;

import java.util.List;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/** An admin's edit of a product: null fields stay as they are. */
public record ProductChanges(
    String name, String description, Long price, String currency, List<String> categoryIds) {

  public ProductChanges {
    name = name == null ? null : Fields.text("name", name, 1, 200);
    description = description == null ? null : Fields.text("description", description, 0, 5000);
    price = price == null ? null : ProductFields.price("price", price);
    currency = currency == null ? null : Fields.currency("currency", currency);
    categoryIds = categoryIds == null ? null : ProductFields.categoryIds(categoryIds);
    if (name == null
        && description == null
        && price == null
        && currency == null
        && categoryIds == null) {
      throw new InvalidFieldException("body", "names nothing to change");
    }
  }
}
