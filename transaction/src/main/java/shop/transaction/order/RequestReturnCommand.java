package shop.transaction.order;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import shop.platform.domain.InvalidFieldException;

/** The customer {@code userId} asks to send {@code lines} of their order back. */
public record RequestReturnCommand(
    String orderId, String userId, List<ProductQuantity> lines, String reason) {

  public RequestReturnCommand {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(userId, "userId");
    if (lines == null || lines.isEmpty() || lines.size() > Order.MAX_LINES) {
      throw new InvalidFieldException("lines", "must hold 1.." + Order.MAX_LINES + " lines");
    }
    lines = List.copyOf(lines);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!seen.add(lines.get(i).productId())) {
        throw new InvalidFieldException(
            "lines[" + i + "].productId", "is already in the return; raise its quantity");
      }
    }
    ShipOrderCommand.require("reason", reason, 500);
  }
}
