package shop.product.catalog;

/** The product or category does not exist (archived products count as gone). */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message, null, false, false);
  }

  public static NotFoundException product(String id) {
    return new NotFoundException("no product " + id);
  }

  public static NotFoundException category(String id) {
    return new NotFoundException("no category " + id);
  }
}
