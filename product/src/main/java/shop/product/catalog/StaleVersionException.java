package shop.product.catalog;

/** The caller edited a version of the product that is no longer the current one. */
public final class StaleVersionException extends RuntimeException {
  public StaleVersionException(long expected, long current) {
    super(
        "the product is at version " + current + ", not " + expected + "; reload it and retry",
        null,
        false,
        false);
  }
}
