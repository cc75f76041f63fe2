package shop.product.catalog;

/** Archived products stay in the store (orders refer to them) but are gone for customers. */
public enum ProductStatus {
  ACTIVE,
  ARCHIVED
}
