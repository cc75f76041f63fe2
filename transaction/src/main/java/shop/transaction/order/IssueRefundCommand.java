package shop.transaction.order;

import java.util.Objects;
import shop.platform.domain.InvalidFieldException;

/** Staff give {@code amount} (minor units) of a paid order back, once per Idempotency-Key. */
public record IssueRefundCommand(
    String orderId, String idempotencyKey, long amount, String reason) {
  public IssueRefundCommand {
    Objects.requireNonNull(orderId, "orderId");
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
      throw new InvalidFieldException("Idempotency-Key", "is required (1-255 chars)");
    }
    if (amount < 1) {
      throw new InvalidFieldException("amount", "must be a positive amount in minor units");
    }
    ShipOrderCommand.require("reason", reason, 500);
    if (Refund.RETURN.equals(reason)) {
      throw new InvalidFieldException("reason", "RETURN is kept for returns' refunds");
    }
  }
}
