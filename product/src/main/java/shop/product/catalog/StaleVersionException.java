package shop.product.catalog;

import shop.platform.domain.PreconditionFailedException;

/** The caller edited a version of the product that is no longer the current one. */
final class StaleVersionException extends PreconditionFailedException {
  StaleVersionException(long expected, long current) {
    super("the product is at version " + current + ", not " + expected + "; reload it and retry");
  }
}
