package shop.platform.domain;

/** The caller could not be told who they are: wrong credentials, an expired session (401). */
public class UnauthenticatedException extends DomainFailure {
  public UnauthenticatedException(String message) {
    super(message);
  }
}
