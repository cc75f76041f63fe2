package shop.transaction.order;

import java.util.List;
import java.util.stream.Collectors;
import shop.platform.domain.ConflictException;

/** Some items cannot be sold as asked: the checkout is refused, naming them. */
public final class ItemsUnavailable extends ConflictException {
  /**
   * One refused item.
   *
   * @param index its position in the request
   * @param reason OUT_OF_STOCK, UNKNOWN or ARCHIVED
   * @param available how many could be had (0 when unknown or archived)
   */
  public record Item(int index, String productId, String reason, int available) {}

  private final List<Item> items;

  public ItemsUnavailable(List<Item> items) {
    super(
        "not available: "
            + items.stream()
                .map(i -> i.productId() + " (" + i.reason() + ")")
                .collect(Collectors.joining(", ")));
    this.items = List.copyOf(items);
  }

  public List<Item> items() {
    return items;
  }
}
