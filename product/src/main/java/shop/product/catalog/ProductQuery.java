package shop.product.catalog;

/**
 * One page of the public product search, as the store runs it: active products only, in id order,
 * after {@code afterId} (keyset pagination, so inserts between pages neither repeat nor skip
 * products).
 *
 * @param text matched case-insensitively as a literal in name, description or sku; null for any
 * @param afterId the last id of the previous page, or null for the first page
 */
public record ProductQuery(
    String categoryId, String text, Long minPrice, Long maxPrice, String afterId, int limit) {}
