package shop.product.catalog;

/** A category to create; {@code parentId} null makes a top-level one. */
public record NewCategory(String name, String parentId) {
  public NewCategory {
    name = Require.text("name", name, 1, 100);
    parentId = parentId == null ? null : Require.id("parentId", parentId);
  }
}
