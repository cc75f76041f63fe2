package shop.product.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import shop.platform.domain.ConflictException;

/** The store of products and categories (port). Every method is one round trip. */
public interface Catalog {

  /** Stores a new active product at version 1; {@link ConflictException} when the sku is taken. */
  Product insert(NewProduct product);

  /** The product, archived or not. */
  Optional<Product> product(String id);

  /** The products among {@code ids} that exist, archived or not, in one query. */
  List<Product> products(Collection<String> ids);

  /** At most {@code query.limit() + 1} products, so the caller can tell whether more follow. */
  List<Product> search(ProductQuery query);

  /**
   * Applies {@code changes} if the product is active and at {@code expectedVersion}, raising the
   * version; empty otherwise.
   */
  Optional<Product> update(String id, long expectedVersion, ProductChanges changes);

  /** Archives an active product; false when there is no active product {@code id}. */
  boolean archive(String id);

  /**
   * Appends the image {@code key} to an active product that has fewer than {@code maxImages},
   * raising the version; empty when the product is not active or full. Adding a key twice is a
   * no-op.
   */
  Optional<Product> addImage(String id, String key, int maxImages);

  Category insertCategory(NewCategory category);

  Optional<Category> category(String id);

  List<Category> categories();

  /** The ids among {@code ids} that name no category. */
  Set<String> missingCategories(Collection<String> ids);

  /** Applies {@code changes}; empty when there is no such category. */
  Optional<Category> updateCategory(String id, CategoryChanges changes);

  /** Whether an active product or a child category refers to the category. */
  boolean categoryInUse(String id);

  /** False when there was no such category. */
  boolean deleteCategory(String id);
}
