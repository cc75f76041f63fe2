package shop.transaction.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Delivered lines the customer sends back.
 *
 * @param decision the reason staff gave for rejecting it, or null
 * @param refundId the refund that paid for it once received, or null
 */
public record OrderReturn(
    String id,
    ReturnStatus status,
    List<ProductQuantity> lines,
    String reason,
    String decision,
    String refundId,
    Instant requestedAt,
    Instant updatedAt) {

  public OrderReturn {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a return holds at least one line");
    }
  }

  /** A rejected return gives nothing back: its lines may be asked for again. */
  boolean counts() {
    return status != ReturnStatus.REJECTED;
  }

  OrderReturn moveTo(ReturnStatus to, String newDecision, String newRefundId, Instant at) {
    return new OrderReturn(id, to, lines, reason, newDecision, newRefundId, requestedAt, at);
  }
}
