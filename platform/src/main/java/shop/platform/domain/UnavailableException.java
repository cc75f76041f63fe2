package shop.platform.domain;

/**
 * A dependency the rule needs (a provider, another service) cannot answer right now; the caller may
 * retry (503).
 */
public class UnavailableException extends DomainFailure {
  public UnavailableException(String message) {
    super(message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
