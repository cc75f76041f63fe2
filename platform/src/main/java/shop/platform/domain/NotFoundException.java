package shop.platform.domain;

/** Absent, or someone else's: the two are never told apart (404). */
public class NotFoundException extends DomainFailure {
  public NotFoundException(String message) {
    super(message);
  }

  /** "{@code what} not found". */
  public static NotFoundException of(String what) {
    return new NotFoundException(what + " not found");
  }
}
