package shop.product.catalog;

/**
 * The request is valid but clashes with the current state: a taken sku, a category in use, stock
 * below what is reserved.
 */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message, null, false, false);
  }
}
