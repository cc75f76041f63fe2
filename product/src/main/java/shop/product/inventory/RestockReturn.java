package shop.product.inventory;

import java.util.List;

/**
 * A returned parcel arrived at the warehouse (ReturnReceived): its units are for sale again, once
 * per return and product however often the event is delivered.
 */
public final class RestockReturn {
  private final Inventory inventory;

  public RestockReturn(Inventory inventory) {
    this.inventory = inventory;
  }

  /** A received return: its id and the units it brought back. */
  public record Command(String returnId, List<ReservationLine> lines) {
    public Command {
      lines = List.copyOf(lines);
    }
  }

  public void restock(Command command) {
    for (ReservationLine line : command.lines()) {
      inventory.restock("return:" + command.returnId(), line);
    }
  }
}
