package shop.transaction.order;

import java.time.Clock;
import java.util.Optional;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

/** Staff approve a requested return, or reject it with a reason the customer can read. */
public final class DecideReturn {
  private final OrderRepository orders;
  private final OrderUpdates updates;
  private final Clock clock;

  public DecideReturn(OrderRepository orders, Clock clock) {
    this.orders = orders;
    this.updates = new OrderUpdates(orders);
    this.clock = clock;
  }

  /**
   * @param rejection null to approve; else why it is rejected
   */
  public record Command(String returnId, boolean approve, String rejection) {
    public Command {
      if (!approve) {
        ShipOrderCommand.require("reason", rejection, 500);
      } else if (rejection != null) {
        throw new InvalidFieldException("reason", "is only for a rejection");
      }
    }
  }

  public OrderReturn decide(Command command) {
    String orderId =
        orders
            .orderOfReturn(command.returnId())
            .orElseThrow(() -> NotFoundException.of("return " + command.returnId()));
    Changed decided =
        updates
            .apply(
                orderId,
                null,
                order ->
                    Optional.of(
                        OrderReturns.decide(
                            order,
                            command.returnId(),
                            command.approve(),
                            command.rejection(),
                            clock.instant())))
            .orElseThrow();
    return decided.after().fulfilment().orderReturn(command.returnId()).orElseThrow();
  }
}
