package shop.transaction.order;

import java.util.List;

/** An order with its history, oldest step first. */
public record OrderView(Order order, List<HistoryEntry> history) {
  public OrderView {
    history = List.copyOf(history);
  }
}
