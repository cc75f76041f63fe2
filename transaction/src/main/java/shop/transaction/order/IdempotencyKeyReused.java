package shop.transaction.order;

/** The Idempotency-Key was used before for a different request. */
public final class IdempotencyKeyReused extends RuntimeException {
  public IdempotencyKeyReused() {
    super("this Idempotency-Key was used for a different request; use a new key");
  }
}
