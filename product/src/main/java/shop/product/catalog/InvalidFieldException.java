package shop.product.catalog;

/** A value a caller gave breaks a rule of the catalog; {@code field} names it for the reply. */
public final class InvalidFieldException extends RuntimeException {
  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
