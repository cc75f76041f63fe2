package shop.product.catalog;

import shop.platform.domain.Fields;

/** A category to create; {@code parentId} null makes a top-level one. */
public record NewCategory(String name, String parentId) {
  public NewCategory {
    name = Fields.text("name", name, 1, 100);
    parentId = parentId == null ? null : Fields.id("parentId", parentId);
  }
}
