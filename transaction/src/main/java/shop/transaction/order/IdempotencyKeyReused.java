package shop.transaction.order;

import shop.platform.domain.RejectedException;

/** The Idempotency-Key was used before for a different request. */
final class IdempotencyKeyReused extends RejectedException {
  IdempotencyKeyReused() {
    super("this Idempotency-Key was used for a different request; use a new key");
  }
}
