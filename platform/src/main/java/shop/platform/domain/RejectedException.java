package shop.platform.domain;

/**
 * Understood and well-formed, but refused: a card network's decline, a reused idempotency key
 * (422).
 */
public class RejectedException extends DomainFailure {
  public RejectedException(String message) {
    super(message);
  }
}
