package shop.product.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import shop.platform.domain.ConflictException;

/** The catalog port in memory, for use case tests. Ids sort in creation order, like ObjectIds. */
public final class InMemoryCatalog implements Catalog {
  private final Map<String, Product> products = new TreeMap<>();
  private final Map<String, Category> categories = new TreeMap<>();
  private final AtomicLong ids = new AtomicLong(1000);

  /** What another admin does between a use case's read and its update (once). */
  public Runnable beforeNextUpdate = () -> {};

  private String nextId() {
    return "id" + ids.incrementAndGet();
  }

  @Override
  public synchronized Product insert(NewProduct p) {
    if (products.values().stream().anyMatch(x -> x.sku().equals(p.sku()))) {
      throw new ConflictException("sku " + p.sku() + " is taken");
    }
    Product product =
        new Product(
            nextId(),
            p.sku(),
            p.name(),
            p.description(),
            p.price(),
            p.currency(),
            p.categoryIds(),
            List.of(),
            p.stock(),
            0,
            ProductStatus.ACTIVE,
            1);
    products.put(product.id(), product);
    return product;
  }

  /** Replaces a stored product, as the inventory fake does for stock changes. */
  public synchronized void put(Product product) {
    products.put(product.id(), product);
  }

  @Override
  public synchronized Optional<Product> product(String id) {
    return Optional.ofNullable(products.get(id));
  }

  @Override
  public synchronized List<Product> products(Collection<String> ids) {
    return ids.stream().distinct().map(products::get).filter(p -> p != null).toList();
  }

  @Override
  public synchronized List<Product> search(ProductQuery q) {
    return products.values().stream()
        .filter(Product::isActive)
        .filter(p -> q.afterId() == null || p.id().compareTo(q.afterId()) > 0)
        .filter(p -> q.categoryId() == null || p.categoryIds().contains(q.categoryId()))
        .filter(p -> q.minPrice() == null || p.price() >= q.minPrice())
        .filter(p -> q.maxPrice() == null || p.price() <= q.maxPrice())
        .filter(p -> q.text() == null || p.name().toLowerCase().contains(q.text().toLowerCase()))
        .sorted(Comparator.comparing(Product::id))
        .limit(q.limit() + 1)
        .toList();
  }

  @Override
  public synchronized Optional<Product> update(String id, long expectedVersion, ProductChanges c) {
    Runnable meanwhile = beforeNextUpdate;
    beforeNextUpdate = () -> {};
    meanwhile.run();
    Product p = products.get(id);
    if (p == null || !p.isActive() || p.version() != expectedVersion) {
      return Optional.empty();
    }
    Product updated =
        new Product(
            id,
            p.sku(),
            c.name() != null ? c.name() : p.name(),
            c.description() != null ? c.description() : p.description(),
            c.price() != null ? c.price() : p.price(),
            c.currency() != null ? c.currency() : p.currency(),
            c.categoryIds() != null ? c.categoryIds() : p.categoryIds(),
            p.images(),
            p.onHand(),
            p.reserved(),
            p.status(),
            p.version() + 1);
    products.put(id, updated);
    return Optional.of(updated);
  }

  @Override
  public synchronized boolean archive(String id) {
    Product p = products.get(id);
    if (p == null || !p.isActive()) {
      return false;
    }
    products.put(
        id,
        new Product(
            id,
            p.sku(),
            p.name(),
            p.description(),
            p.price(),
            p.currency(),
            p.categoryIds(),
            p.images(),
            p.onHand(),
            p.reserved(),
            ProductStatus.ARCHIVED,
            p.version() + 1));
    return true;
  }

  @Override
  public synchronized Optional<Product> addImage(String id, String key, int maxImages) {
    Product p = products.get(id);
    if (p == null || !p.isActive()) {
      return Optional.empty();
    }
    if (p.images().contains(key)) {
      return Optional.of(p);
    }
    if (p.images().size() >= maxImages) {
      return Optional.empty();
    }
    List<String> images = new java.util.ArrayList<>(p.images());
    images.add(key);
    Product updated =
        new Product(
            id,
            p.sku(),
            p.name(),
            p.description(),
            p.price(),
            p.currency(),
            p.categoryIds(),
            images,
            p.onHand(),
            p.reserved(),
            p.status(),
            p.version() + 1);
    products.put(id, updated);
    return Optional.of(updated);
  }

  @Override
  public synchronized Category insertCategory(NewCategory c) {
    Category category = new Category(nextId(), c.name(), c.parentId());
    categories.put(category.id(), category);
    return category;
  }

  @Override
  public synchronized Optional<Category> category(String id) {
    return Optional.ofNullable(categories.get(id));
  }

  @Override
  public synchronized List<Category> categories() {
    return List.copyOf(categories.values());
  }

  @Override
  public synchronized Set<String> missingCategories(Collection<String> ids) {
    Set<String> missing = new HashSet<>(ids);
    missing.removeAll(categories.keySet());
    return missing;
  }

  @Override
  public synchronized Optional<Category> updateCategory(String id, CategoryChanges c) {
    Category old = categories.get(id);
    if (old == null) {
      return Optional.empty();
    }
    Category updated =
        new Category(
            id,
            c.name() != null ? c.name() : old.name(),
            c.movesToTop() ? null : c.parentId() != null ? c.parentId() : old.parentId());
    categories.put(id, updated);
    return Optional.of(updated);
  }

  @Override
  public synchronized boolean categoryInUse(String id) {
    return products.values().stream().anyMatch(p -> p.isActive() && p.categoryIds().contains(id))
        || categories.values().stream().anyMatch(c -> id.equals(c.parentId()));
  }

  @Override
  public synchronized boolean deleteCategory(String id) {
    return categories.remove(id) != null;
  }
}
