package shop.product.catalog;

import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/**
 * An edit of a category: a null field stays as it is; {@code parentId} "" moves it to the top
 * level.
 */
public record CategoryChanges(String name, String parentId) {
  public CategoryChanges {
    name = name == null ? null : Fields.text("name", name, 1, 100);
    parentId = parentId == null || parentId.isEmpty() ? parentId : Fields.id("parentId", parentId);
    if (name == null && parentId == null) {
      throw new InvalidFieldException("body", "names nothing to change");
    }
  }

  public boolean movesToTop() {
    return "".equals(parentId);
  }
}
