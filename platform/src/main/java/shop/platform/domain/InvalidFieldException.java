package shop.platform.domain;

import java.util.Objects;

/** Input that breaks a rule (400); {@link #field} names it as the client sent it. */
public class InvalidFieldException extends DomainFailure {
  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The field as the client named it, e.g. {@code items[2].quantity}. */
  public String field() {
    return field;
  }
}
