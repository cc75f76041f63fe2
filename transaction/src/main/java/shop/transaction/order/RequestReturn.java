package shop.transaction.order;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The customer asks to return delivered lines, within the return window after delivery (config
 * {@code RETURN_WINDOW}, default 30 days); staff then approve or reject it.
 */
public final class RequestReturn {
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  private final OrderUpdates updates;
  private final Duration window;
  private final Clock clock;

  public RequestReturn(OrderRepository orders, Duration window, Clock clock) {
    this.updates = new OrderUpdates(orders);
    this.window = window;
    this.clock = clock;
  }

  public OrderReturn request(RequestReturnCommand command) {
    String returnId = UUID.randomUUID().toString();
    Changed requested =
        updates
            .apply(
                command.orderId(),
                null,
                order -> {
                  if (!order.isOwnedBy(command.userId())) {
                    throw new OrderNotFound(command.orderId());
                  }
                  return Optional.of(
                      OrderReturns.request(
                          order,
                          returnId,
                          command.lines(),
                          command.reason(),
                          window,
                          clock.instant()));
                })
            .orElseThrow();
    return requested.after().fulfilment().orderReturn(returnId).orElseThrow();
  }
}
