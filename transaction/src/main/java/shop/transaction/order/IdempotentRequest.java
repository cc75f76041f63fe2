package shop.transaction.order;

import java.util.Objects;

/**
 * A checkout request remembered by its {@code Idempotency-Key}: the same key with the same body
 * answers the same order; with another body, it is refused.
 *
 * @param requestHash fingerprint of the request body
 */
public record IdempotentRequest(String userId, String key, String requestHash, String orderId) {
  public IdempotentRequest {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(orderId, "orderId");
  }
}
