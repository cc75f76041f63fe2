package shop.platform.domain;

/** The request clashes with the current state: a taken name, an illegal transition (409). */
public class ConflictException extends DomainFailure {
  public ConflictException(String message) {
    super(message);
  }
}
