package shop.transaction.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Money of a paid order given back, in part.
 *
 * @param idempotencyKey the staff request's Idempotency-Key, or null for a return's refund
 * @param amount minor units of the order's currency
 * @param reason {@link #RETURN} for a received return, else staff's words
 * @param lines the returned lines it pays for; empty for a refund of an amount
 */
public record Refund(
    String id,
    String idempotencyKey,
    long amount,
    String reason,
    List<ProductQuantity> lines,
    RefundStatus status,
    Instant createdAt,
    Instant updatedAt) {
  public static final String RETURN = "RETURN";

  public Refund {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    lines = List.copyOf(lines);
    if (amount < 1) {
      throw new IllegalArgumentException("a refund is of a positive amount");
    }
  }

  /** The provider's idempotency key: the same for every attempt at this refund. */
  public String providerKey() {
    return "refund-" + id;
  }

  Refund moveTo(RefundStatus to, Instant at) {
    return new Refund(id, idempotencyKey, amount, reason, lines, to, createdAt, at);
  }
}
