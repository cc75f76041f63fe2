package shop.product.catalog;

/**
 * A node of the category tree.
 *
 * @param parentId the parent category, or null for a top-level one
 */
public record Category(String id, String name, String parentId) {}
