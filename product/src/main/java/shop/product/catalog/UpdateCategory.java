package shop.product.catalog;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/** Renames or moves a category; a category cannot become its own ancestor. */
public final class UpdateCategory {
  private final Catalog catalog;

  public UpdateCategory(Catalog catalog) {
    this.catalog = catalog;
  }

  public Category update(String id, CategoryChanges changes) {
    Fields.id("id", id);
    if (changes.parentId() != null && !changes.movesToTop()) {
      requireNoCycle(id, changes.parentId());
    }
    return catalog.updateCategory(id, changes).orElseThrow(() -> new CategoryNotFound(id));
  }

  private void requireNoCycle(String id, String parentId) {
    Map<String, Category> all =
        catalog.categories().stream().collect(Collectors.toMap(Category::id, Function.identity()));
    if (!all.containsKey(parentId)) {
      throw new InvalidFieldException("parentId", "names no category");
    }
    for (String at = parentId;
        at != null;
        at = all.get(at) == null ? null : all.get(at).parentId()) {
      if (at.equals(id)) {
        throw new InvalidFieldException("parentId", "would make the category its own ancestor");
      }
    }
  }
}
