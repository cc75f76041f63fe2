package shop.platform.domain;

/** The caller's precondition no longer holds, e.g. a stale version in {@code If-Match} (412). */
public class PreconditionFailedException extends DomainFailure {
  public PreconditionFailedException(String message) {
    super(message);
  }
}
