package shop.localstack.app.seeds;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import shop.platform.domain.ConflictException;
import shop.product.ProductModule;
import shop.product.catalog.Category;
import shop.product.catalog.NewCategory;
import shop.product.catalog.NewProduct;

/**
 * A small demo catalogue that {@code ./shop up} seeds: two categories and a handful of products.
 * Local only, so it lives with the local cloud rather than in the product service's jar.
 * Idempotent: categories are matched by name and products by sku, so seeding twice adds nothing.
 */
public final class DemoCatalog {
  private DemoCatalog() {}

  /** Seeds {@code module}'s store; returns how many products it added. */
  public static int seed(ProductModule module) {
    String kitchen = category(module, "Kitchen", null);
    String mugs = category(module, "Mugs", kitchen);
    String clothing = category(module, "Clothing", null);
    List<NewProduct> products =
        List.of(
            new NewProduct(
                "MUG-001", "Enamel mug", "Camping mug, 350 ml", 1250, "EUR", List.of(mugs), 50),
            new NewProduct(
                "MUG-002", "Stoneware mug", "Hand-glazed, 300 ml", 1800, "EUR", List.of(mugs), 20),
            new NewProduct(
                "PAN-010", "Cast-iron pan", "26 cm skillet", 4900, "EUR", List.of(kitchen), 10),
            new NewProduct(
                "TEE-042", "Organic tee", "Unisex, size M", 2400, "EUR", List.of(clothing), 100),
            new NewProduct("CAP-007", "Wool cap", "One size", 1900, "EUR", List.of(clothing), 0));
    int added = 0;
    for (NewProduct product : products) {
      try {
        module.createProduct().create(product);
        added++;
      } catch (ConflictException alreadySeeded) {
        // The sku exists from an earlier seed: keep that product as it is.
        continue;
      }
    }
    return added;
  }

  private static String category(ProductModule module, String name, String parentId) {
    Map<String, Category> byName =
        module.listCategories().list().stream()
            .collect(Collectors.toMap(Category::name, Function.identity(), (a, b) -> a));
    Category existing = byName.get(name);
    if (existing != null) {
      return existing.id();
    }
    return module.createCategory().create(new NewCategory(name, parentId)).id();
  }
}
